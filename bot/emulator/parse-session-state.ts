/**
 * Structural parsing of a Lex `SessionState` from JSON (a request's or a code hook's), with the
 * service model's enums and limits: https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_SessionState.html
 * Extra fields are ignored, as Lex does. Names are checked against the bot by checkSessionState.
 */
import type {
  LexActiveContext,
  LexConfirmationState,
  LexDialogAction,
  LexDialogActionType,
  LexIntent,
  LexIntentState,
  LexSessionState,
  LexSlot,
  LexSlotValue,
} from '../definition/lex-types';
import type { Fail } from './errors';
import { MAX_ACTIVE_CONTEXTS } from './runtime-defaults';

const DIALOG_ACTION_TYPES: readonly LexDialogActionType[] = ['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot', 'None'];
const INTENT_STATES: readonly LexIntentState[] = [
  'Failed',
  'Fulfilled',
  'InProgress',
  'ReadyForFulfillment',
  'Waiting',
  'FulfillmentInProgress',
];
const CONFIRMATION_STATES: readonly LexConfirmationState[] = ['Confirmed', 'Denied', 'None'];
const CONTEXT_NAME = /^([A-Za-z0-9]_?)+$/;

/** Whether `value` is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map of strings at `path`. */
export function parseStringMap(value: unknown, path: string, fail: Fail): Record<string, string> {
  if (!isObject(value)) return fail(`${path} must be an object of strings`);
  for (const [key, item] of Object.entries(value)) if (typeof item !== 'string') fail(`${path}.${key} must be a string`);
  return { ...(value as Record<string, string>) };
}

function optionalString(value: unknown, path: string, fail: Fail): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : fail(`${path} must be a string`);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, path: string, fail: Fail): T {
  return allowed.includes(value as T) ? (value as T) : fail(`${path} must be one of ${allowed.join(', ')}`);
}

function parseDialogAction(value: unknown, path: string, fail: Fail): LexDialogAction {
  if (!isObject(value)) return fail(`${path} must be an object`);
  if (value.type === undefined) return fail(`${path}.type is required`);
  const type = oneOf(DIALOG_ACTION_TYPES, value.type, `${path}.type`, fail);
  const slotToElicit = optionalString(value.slotToElicit, `${path}.slotToElicit`, fail);
  return slotToElicit === undefined ? { type } : { type, slotToElicit };
}

function parseSlotValue(value: unknown, path: string, fail: Fail): LexSlotValue {
  if (!isObject(value)) return fail(`${path} must be an object`);
  if (typeof value.interpretedValue !== 'string') return fail(`${path}.interpretedValue is required and must be a string`);
  const parsed: LexSlotValue = { interpretedValue: value.interpretedValue };
  const originalValue = optionalString(value.originalValue, `${path}.originalValue`, fail);
  if (originalValue !== undefined) parsed.originalValue = originalValue;
  if (value.resolvedValues !== undefined && value.resolvedValues !== null) {
    if (!Array.isArray(value.resolvedValues) || value.resolvedValues.some((item) => typeof item !== 'string'))
      return fail(`${path}.resolvedValues must be a list of strings`);
    parsed.resolvedValues = [...(value.resolvedValues as string[])];
  }
  return parsed;
}

/** A slot at `path`; a slot without a value is unfilled (null). Values carry `shape: 'Scalar'`. */
function parseSlot(value: unknown, path: string, fail: Fail): LexSlot | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return fail(`${path} must be an object or null`);
  if (value.shape !== undefined && value.shape !== 'Scalar')
    return fail(`${path}.shape ${JSON.stringify(value.shape)} is not supported (only Scalar slots)`);
  if (value.value === undefined || value.value === null) return null;
  return { shape: 'Scalar', value: parseSlotValue(value.value, `${path}.value`, fail) };
}

/** An intent at `path`. */
export function parseIntent(value: unknown, path: string, fail: Fail): LexIntent {
  if (!isObject(value)) return fail(`${path} must be an object`);
  if (typeof value.name !== 'string' || value.name === '') return fail(`${path}.name is required`);
  const intent: LexIntent = { name: value.name };
  if (value.slots !== undefined && value.slots !== null) {
    if (!isObject(value.slots)) return fail(`${path}.slots must be an object`);
    intent.slots = Object.fromEntries(
      Object.entries(value.slots).map(([name, slot]) => [name, parseSlot(slot, `${path}.slots.${name}`, fail)]),
    );
  }
  if (value.state !== undefined) intent.state = oneOf(INTENT_STATES, value.state, `${path}.state`, fail);
  if (value.confirmationState !== undefined)
    intent.confirmationState = oneOf(CONFIRMATION_STATES, value.confirmationState, `${path}.confirmationState`, fail);
  return intent;
}

function integerIn(value: unknown, min: number, max: number, path: string, fail: Fail): number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : fail(`${path} must be an integer in ${min}..${max}`);
}

function parseActiveContext(value: unknown, path: string, fail: Fail): LexActiveContext {
  if (!isObject(value)) return fail(`${path} must be an object`);
  if (typeof value.name !== 'string' || !CONTEXT_NAME.test(value.name) || value.name.length > 100)
    return fail(`${path}.name must match ^([A-Za-z0-9]_?)+$ (at most 100 characters)`);
  if (!isObject(value.timeToLive)) return fail(`${path}.timeToLive is required`);
  const contextAttributes = parseStringMap(value.contextAttributes ?? {}, `${path}.contextAttributes`, fail);
  if (Object.keys(contextAttributes).length > 10) fail(`${path}.contextAttributes has more than 10 entries`);
  return {
    name: value.name,
    timeToLive: {
      timeToLiveInSeconds: integerIn(value.timeToLive.timeToLiveInSeconds, 5, 86_400, `${path}.timeToLive.timeToLiveInSeconds`, fail),
      turnsToLive: integerIn(value.timeToLive.turnsToLive, 1, 20, `${path}.timeToLive.turnsToLive`, fail),
    },
    contextAttributes,
  };
}

/** A SessionState at `path` (`sessionState` in requests and code-hook responses). */
export function parseSessionState(value: unknown, path: string, fail: Fail): LexSessionState {
  if (!isObject(value)) return fail(`${path} must be an object`);
  const state: LexSessionState = {};
  if (value.dialogAction !== undefined && value.dialogAction !== null)
    state.dialogAction = parseDialogAction(value.dialogAction, `${path}.dialogAction`, fail);
  if (value.intent !== undefined && value.intent !== null) state.intent = parseIntent(value.intent, `${path}.intent`, fail);
  if (value.sessionAttributes !== undefined && value.sessionAttributes !== null)
    state.sessionAttributes = parseStringMap(value.sessionAttributes, `${path}.sessionAttributes`, fail);
  if (value.activeContexts !== undefined && value.activeContexts !== null) {
    if (!Array.isArray(value.activeContexts)) return fail(`${path}.activeContexts must be a list`);
    if (value.activeContexts.length > MAX_ACTIVE_CONTEXTS)
      return fail(`${path}.activeContexts has more than ${MAX_ACTIVE_CONTEXTS} contexts`);
    state.activeContexts = value.activeContexts.map((context, index) =>
      parseActiveContext(context, `${path}.activeContexts[${index}]`, fail),
    );
  }
  const originatingRequestId = optionalString(value.originatingRequestId, `${path}.originatingRequestId`, fail);
  if (originatingRequestId !== undefined) state.originatingRequestId = originatingRequestId;
  return state;
}
