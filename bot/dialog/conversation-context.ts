/**
 * What the conversation is about, kept by the code hook in the `chat-sessions` table under the Lex
 * session id (never in session attributes, which the client could write): the last single run it
 * talked about, so "approve it" knows which.
 */
import type { ChatSessionStore } from './chat-session-store';

/** The context of one conversation. */
export type ConversationContext = { runId?: string };

/** How long a context outlives the conversation's last turn (Lex's idle session TTL is 15 minutes). */
export const CONTEXT_TTL_SECONDS = 3600;

const keyOf = (sessionId: string) => `dialog#${sessionId}`;

/** The stored context of `sessionId` (empty when none or expired). */
export async function loadContext(store: ChatSessionStore, sessionId: string): Promise<ConversationContext> {
  return (await store.get<ConversationContext>(keyOf(sessionId))) ?? {};
}

/** Stores the context of `sessionId`. */
export async function saveContext(store: ChatSessionStore, sessionId: string, context: ConversationContext): Promise<void> {
  await store.put(keyOf(sessionId), context, CONTEXT_TTL_SECONDS);
}
