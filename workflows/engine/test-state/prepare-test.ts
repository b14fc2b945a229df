/**
 * Checks and parses a TestState request, refusing it as AWS does: the definition and the state
 * to test, the input (InvalidExecutionInput), variables, the mock, the context (only with a
 * mock) and the retries already made.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html#API_TestState_Errors
 */
import type { JsonObject, JsonValue } from '../../asl';
import { accept, refuse, type EngineResult } from '../engine-result';
import { fitsPayloadLimit } from '../json-text';
import { locateState, type LocatedState } from './locate-state';
import { parseMock, type ParsedMock } from './parse-mock';
import type { InspectionLevel, TestStateRequest } from './test-state-request';
import type { TestStateRefusal } from './test-state-output';

/** A request ready to run. */
export type PreparedTest = {
  target: LocatedState;
  input: JsonValue;
  variables: JsonObject;
  context?: JsonObject;
  mock?: ParsedMock;
  inspectionLevel: InspectionLevel;
  roleArn?: string;
  /** Retries of the matching retrier already made (TestStateConfiguration.retrierRetryCount). */
  retryCount: number;
};

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseInput(text: string): EngineResult<JsonValue, TestStateRefusal> {
  let input: JsonValue;
  try {
    input = JSON.parse(text) as JsonValue;
  } catch {
    return refuse('InvalidExecutionInput', `Invalid State Machine Execution Input: 'Unexpected character (${text.slice(0, 20)})'`);
  }
  if (!fitsPayloadLimit(text)) return refuse('InvalidExecutionInput', 'The input exceeds the maximum allowed size of 262144 bytes.');
  return accept(input);
}

/** A JSON object given as text (`what` names it in the refusal). */
function parseObject(text: string, what: string): EngineResult<JsonObject, TestStateRefusal> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse('ValidationException', `Invalid ${what} provided: ${(error as Error).message}`);
  }
  return isObject(value) ? accept(value) : refuse('ValidationException', `Invalid ${what} provided: it must be a JSON object`);
}

function parseContext(request: TestStateRequest): EngineResult<JsonObject | undefined, TestStateRefusal> {
  if (request.context === undefined) return accept(undefined);
  if (!request.mock) return refuse('ValidationException', 'The context field may only be specified when a mock is specified.');
  return parseObject(request.context, 'Context object');
}

function parseRetryCount(request: TestStateRequest): EngineResult<number, TestStateRefusal> {
  const count = request.stateConfiguration?.retrierRetryCount ?? 0;
  if (!Number.isInteger(count) || count < 0) return refuse('ValidationException', 'retrierRetryCount must be an integer of at least 0');
  return accept(count);
}

/** The parsed request, or the refusal AWS would answer it with. */
export function prepareTest(request: TestStateRequest): EngineResult<PreparedTest, TestStateRefusal> {
  const target = locateState(request.definition, request.stateName);
  if (!target.ok) return target;
  const input = parseInput(request.input ?? '{}');
  if (!input.ok) return input;
  const variables = request.variables === undefined ? accept({}) : parseObject(request.variables, 'variables');
  if (!variables.ok) return variables;
  const mock = parseMock(target.value, request);
  if (!mock.ok) return mock;
  const context = parseContext(request);
  if (!context.ok) return context;
  const retryCount = parseRetryCount(request);
  if (!retryCount.ok) return retryCount;
  return accept({
    target: target.value,
    input: input.value,
    variables: variables.value,
    context: context.value,
    mock: mock.value,
    inspectionLevel: request.inspectionLevel ?? 'INFO',
    roleArn: request.roleArn,
    retryCount: retryCount.value,
  });
}
