/**
 * The Lex session id of a conversation: a hash of the verified user and the client's conversation
 * id, so a user who sends another user's conversation id reaches a different session.
 */
import { createHash } from 'node:crypto';

/** Conversation ids clients may choose (a UUID fits). */
export const CONVERSATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** 64 hex characters: inside Lex's session id pattern `[0-9a-zA-Z._:-]{2,100}`. */
export function chatSessionId(user: string, conversationId: string): string {
  return createHash('sha256').update(user).update('\n').update(conversationId).digest('hex');
}
