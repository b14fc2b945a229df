/**
 * What the local Lex runtime keeps per session in the `chat-sessions` table. Request attributes
 * are never stored: they last one turn (https://docs.aws.amazon.com/lexv2/latest/dg/context-mgmt-request-attribs.html).
 */
import type { LexInterpretation, LexMessage, LexSessionState } from '../definition/lex-types';

/** The prompt the session waits on and how many times it was re-asked (0 = Initial, n = Retry n). */
export type PendingPrompt = { key: string; retries: number };

/** One session. */
export type StoredSession = {
  sessionState: LexSessionState;
  /** The last turn's messages and interpretations, for GetSession. */
  messages: LexMessage[];
  interpretations: LexInterpretation[];
  prompt?: PendingPrompt;
  /** When each active context runs out of time (epoch ms, by name). */
  contextExpiries?: Record<string, number>;
  /** Epoch ms of the last write; the session is idle-expired `idleSessionTtlSeconds` later. */
  lastActiveAt: number;
};

/** The identifiers of a session in the runtime's path labels. */
export type LexSessionAddress = { botId: string; botAliasId: string; localeId: string; sessionId: string };

/** The chat-sessions key of a runtime session. */
export function storedSessionKey({ botId, botAliasId, localeId, sessionId }: LexSessionAddress): string {
  return `lex#${botId}#${botAliasId}#${localeId}#${sessionId}`;
}

/** The key of a pending prompt: what is asked, of which intent. */
export function promptKey(type: 'ElicitSlot' | 'ConfirmIntent', intentName: string, slotName?: string): string {
  return type === 'ElicitSlot' ? `ElicitSlot:${intentName}:${slotName ?? ''}` : `ConfirmIntent:${intentName}`;
}

/** A session with nothing in it yet. */
export function emptySession(now: number): StoredSession {
  return { sessionState: { sessionAttributes: {}, activeContexts: [] }, messages: [], interpretations: [], lastActiveAt: now };
}
