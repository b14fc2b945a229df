/**
 * TestState: runs one state (or the state `stateName` of a state machine) on the engine's own
 * state code, with the server's task handlers for unmocked Lambda tasks.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
import { INSPECTION_LEVELS, testState, type TestStateConfiguration, type TestStateMock } from '../../engine';
import type { ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { invalidDefinitionMessage, validateDefinition } from '../validate-definition';

/** AWS's limits on the request's text members. */
const MAX_DEFINITION = 1024 * 1024;
const MAX_PAYLOAD = 262144;
const MAX_STATE_NAME = 80;

function tooShort(field: string): StepFunctionsError {
  return new StepFunctionsError(
    'ValidationException',
    `1 validation error detected: Value '' at '${field}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
  );
}

/** An optional structure member (a JSON object). */
function optionalStructure(body: RequestBody, field: string): RequestBody | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new StepFunctionsError('SerializationException', `Expected object for '${field}'`);
  return value as RequestBody;
}

function mockOf(body: RequestBody): TestStateMock | undefined {
  const mock = optionalStructure(body, 'mock');
  if (!mock) return undefined;
  const errorOutput = optionalStructure(mock, 'errorOutput');
  return {
    result: optionalString(mock, 'result', { maxLength: MAX_PAYLOAD }),
    errorOutput: errorOutput && {
      error: optionalString(errorOutput, 'error', { maxLength: 256 }),
      cause: optionalString(errorOutput, 'cause', { maxLength: 32768 }),
    },
    fieldValidationMode: optionalEnum(mock, 'fieldValidationMode', ['STRICT', 'PRESENT', 'NONE'] as const),
  };
}

function stateConfigurationOf(body: RequestBody): TestStateConfiguration | undefined {
  const configuration = optionalStructure(body, 'stateConfiguration');
  if (!configuration) return undefined;
  return {
    retrierRetryCount: optionalInteger(configuration, 'retrierRetryCount', 0, Number.MAX_SAFE_INTEGER),
    errorCausedByState: optionalString(configuration, 'errorCausedByState', { maxLength: MAX_STATE_NAME }),
    mapIterationFailureCount: optionalInteger(configuration, 'mapIterationFailureCount', 0, Number.MAX_SAFE_INTEGER),
    mapItemReaderData: optionalString(configuration, 'mapItemReaderData', { maxLength: MAX_PAYLOAD }),
  };
}

/** TestState. */
export async function testStateAction(ctx: ApiContext, body: RequestBody): Promise<unknown> {
  const definition = requiredString(body, 'definition', { maxLength: MAX_DEFINITION });
  if (definition === '') throw tooShort('definition');
  const stateName = optionalString(body, 'stateName', { maxLength: MAX_STATE_NAME });
  if (stateName === '') throw tooShort('stateName');
  const request = {
    definition,
    stateName,
    roleArn: optionalString(body, 'roleArn', { maxLength: 256 }),
    input: optionalString(body, 'input', { maxLength: MAX_PAYLOAD }),
    variables: optionalString(body, 'variables', { maxLength: MAX_PAYLOAD }),
    context: optionalString(body, 'context', { maxLength: MAX_PAYLOAD }),
    inspectionLevel: optionalEnum(body, 'inspectionLevel', INSPECTION_LEVELS),
    revealSecrets: optionalBoolean(body, 'revealSecrets'),
    mock: mockOf(body),
    stateConfiguration: stateConfigurationOf(body),
  };
  if (stateName !== undefined) {
    const diagnostics = validateDefinition(definition);
    if (diagnostics.length) throw new StepFunctionsError('InvalidDefinition', invalidDefinitionMessage(diagnostics));
  }
  const { engine, logger, taskHandlers } = ctx;
  const result = await testState(request, {
    taskHandlers,
    region: engine.account.region,
    accountId: engine.account.accountId,
    clock: engine.clock,
    logger,
  });
  if (!result.ok) throw new StepFunctionsError(result.code, result.message);
  return result.value;
}
