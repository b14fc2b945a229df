/**
 * The JSON bodies of RecognizeText and PutSession, checked for shape (types, enums, limits) with
 * ValidationException naming the field; the runtime then checks them against the bot.
 * https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_RecognizeText.html
 */
import type { LexMessage, LexSessionState } from '../definition/lex-types';
import { failWith } from './errors';
import { parseMessages } from './parse-messages';
import { isObject, parseSessionState, parseStringMap } from './parse-session-state';

const fail = failWith('ValidationException');

/** A request body's JSON; an empty body is `{}`. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return fail(`The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return isObject(value) ? value : fail('The request body must be a JSON object');
}

function optionalAttributes(value: unknown): Record<string, string> | undefined {
  return value === undefined || value === null ? undefined : parseStringMap(value, 'requestAttributes', fail);
}

/** RecognizeText's `{text, sessionState?, requestAttributes?}`. */
export function parseRecognizeTextBody(body: Record<string, unknown>): {
  text: string;
  sessionState?: LexSessionState;
  requestAttributes?: Record<string, string>;
} {
  if (body.text === undefined || body.text === null) return fail('text is required');
  if (typeof body.text !== 'string') return fail('text must be a string');
  const sessionState =
    body.sessionState === undefined || body.sessionState === null ? undefined : parseSessionState(body.sessionState, 'sessionState', fail);
  const requestAttributes = optionalAttributes(body.requestAttributes);
  return { text: body.text, ...(sessionState ? { sessionState } : {}), ...(requestAttributes ? { requestAttributes } : {}) };
}

/** PutSession's `{sessionState, messages?, requestAttributes?}`. */
export function parsePutSessionBody(body: Record<string, unknown>): {
  sessionState: LexSessionState;
  messages?: LexMessage[];
  requestAttributes?: Record<string, string>;
} {
  if (body.sessionState === undefined || body.sessionState === null) return fail('sessionState is required');
  const sessionState = parseSessionState(body.sessionState, 'sessionState', fail);
  const messages = body.messages === undefined || body.messages === null ? undefined : parseMessages(body.messages, 'messages', fail);
  const requestAttributes = optionalAttributes(body.requestAttributes);
  return { sessionState, ...(messages ? { messages } : {}), ...(requestAttributes ? { requestAttributes } : {}) };
}
