/** Lex V2 code-hook events as Lex sends them (messageVersion 1.0), for testing the dialog handler without a runtime. */
import type { LexCodeHookEvent, LexConfirmationState, LexSlot } from '../../bot/definition/lex-types';

/** What varies between turns. */
export type LexEventOptions = {
  intent: string;
  slots?: Record<string, string>;
  source?: LexCodeHookEvent['invocationSource'];
  confirmationState?: LexConfirmationState;
  transcript?: string;
  sessionId?: string;
  requestAttributes?: Record<string, string>;
};

/** A code-hook event; unfilled slots are absent here (Lex sends null, which the handler treats alike). */
export function lexEvent({
  intent,
  slots = {},
  source = 'DialogCodeHook',
  confirmationState = 'None',
  transcript = '',
  sessionId = 'session-1',
  requestAttributes = {},
}: LexEventOptions): LexCodeHookEvent {
  const lexSlots: Record<string, LexSlot | null> = {};
  for (const [name, value] of Object.entries(slots))
    lexSlots[name] = { shape: 'Scalar', value: { originalValue: value, interpretedValue: value, resolvedValues: [value] } };
  const lexIntent = { name: intent, slots: lexSlots, state: 'InProgress' as const, confirmationState };
  return {
    messageVersion: '1.0',
    invocationSource: source,
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId,
    inputTranscript: transcript,
    bot: { id: 'STATECRAFT', name: 'StatecraftBot', localeId: 'en_US', version: 'DRAFT', aliasId: 'TSTALIASID', aliasName: 'TestBotAlias' },
    interpretations: [{ intent: lexIntent, nluConfidence: 0.95, interpretationSource: 'Lex' }],
    requestAttributes,
    sessionState: { sessionAttributes: {}, activeContexts: [], intent: lexIntent },
  };
}
