/**
 * Validates what the code hook answered, with LEX.md §7's rules
 * (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html): Close needs an intent
 * with state Fulfilled or Failed; ConfirmIntent and ElicitIntent need messages; ElicitSlot needs
 * `slotToElicit` naming a slot of the intent; Delegate, ConfirmIntent and ElicitSlot need the intent.
 * A violation is a DependencyFailedException (424) whose message names the field.
 */
import type { BotDefinition } from '../definition/bot-definition';
import type { LexCodeHookResponse, LexDialogAction } from '../definition/lex-types';
import { checkSessionState } from './check-session-state';
import { failWith } from './errors';
import { parseMessages } from './parse-messages';
import { isObject, parseSessionState, parseStringMap } from './parse-session-state';

/** The response, parsed; throws LexRuntimeError DependencyFailedException when it breaks a rule. */
export function parseCodeHookResponse(value: unknown, bot: BotDefinition, invocationSource: string): LexCodeHookResponse {
  const fail = failWith('DependencyFailedException', `Invalid Lambda Response (${invocationSource}): `);
  if (!isObject(value)) return fail(`the response must be a JSON object, got ${value === null ? 'null' : typeof value}`);
  if (value.sessionState === undefined || value.sessionState === null) return fail('sessionState is required');
  const sessionState = parseSessionState(value.sessionState, 'sessionState', fail);
  if (!sessionState.dialogAction) return fail('sessionState.dialogAction is required');
  const dialogAction: LexDialogAction = sessionState.dialogAction;
  if (dialogAction.type === 'None') return fail('sessionState.dialogAction.type None is not a dialog action a code hook can answer');
  checkSessionState(sessionState, bot, 'sessionState', fail);
  const messages = value.messages === undefined || value.messages === null ? undefined : parseMessages(value.messages, 'messages', fail);
  const { intent } = sessionState;
  if (dialogAction.type === 'Close' && (!intent || (intent.state !== 'Fulfilled' && intent.state !== 'Failed'))) {
    fail(`sessionState.intent.state must be Fulfilled or Failed when dialogAction.type is Close (got ${intent?.state ?? 'no intent'})`);
  }
  if ((dialogAction.type === 'ConfirmIntent' || dialogAction.type === 'ElicitIntent') && !messages?.length) {
    fail(`messages are required when dialogAction.type is ${dialogAction.type}`);
  }
  const response: LexCodeHookResponse = { sessionState: { ...sessionState, dialogAction } };
  if (messages) response.messages = messages;
  if (value.requestAttributes !== undefined && value.requestAttributes !== null)
    response.requestAttributes = parseStringMap(value.requestAttributes, 'requestAttributes', fail);
  return response;
}
