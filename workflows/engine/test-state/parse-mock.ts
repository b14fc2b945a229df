/**
 * The rules AWS applies to a TestState mock, with its messages: only Task, Map and Parallel states
 * take one (and Map and Parallel need one), either a result or an error, the result valid JSON
 * and shaped like the state's result.
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 * (messages as recorded against AWS in LocalStack's tests/aws/services/stepfunctions/v2/test_state)
 */
import type { JsonValue } from '../../asl';
import { accept, refuse, type EngineResult } from '../engine-result';
import type { LocatedState } from './locate-state';
import type { TestStateRequest } from './test-state-request';
import type { TestStateRefusal } from './test-state-output';

/** A mock ready to use: the state's result, or the error it fails with. */
export type ParsedMock = { kind: 'result'; result: JsonValue } | { kind: 'error'; error: string; cause: string };

const MOCKABLE = new Set(['Task', 'Map', 'Parallel']);

function invalid(message: string): EngineResult<never, TestStateRefusal> {
  return refuse('ValidationException', message);
}

/** AWS's shape rules for a mocked Map or Parallel result. */
function resultShapeProblem({ state }: LocatedState, result: JsonValue): string | undefined {
  if (state.Type === 'Map') {
    if (state.ResultWriter !== undefined)
      return result !== null && typeof result === 'object' && !Array.isArray(result) ? undefined : 'Mocked result must be a JSON object.';
    return Array.isArray(result) ? undefined : 'Mocked result must be an array.';
  }
  if (state.Type === 'Parallel') {
    if (!Array.isArray(result)) return 'Mocked result must be an array.';
    if (result.length !== state.Branches.length)
      return 'Mocked result must contain the same number of items as number of Parallel branches.';
  }
  return undefined;
}

/** The request's mock, checked against the state it is for (undefined: no mock). */
export function parseMock(target: LocatedState, request: TestStateRequest): EngineResult<ParsedMock | undefined, TestStateRefusal> {
  const { mock } = request;
  const type = target.state.Type;
  if (!mock) {
    if (type === 'Map' || type === 'Parallel') {
      return refuse(
        'InvalidDefinition',
        'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
      );
    }
    return accept(undefined);
  }
  if (!MOCKABLE.has(type)) return invalid(`State type '${type}' is not supported when a mock is specified`);
  if (request.revealSecrets) return invalid('TestState does not support RevealSecrets when a mock is specified.');
  if ((mock.result === undefined) === (mock.errorOutput === undefined)) {
    return invalid('A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (mock.errorOutput) {
    const { error, cause = '' } = mock.errorOutput;
    if (error === undefined || error === '')
      return invalid('The mock.errorOutput.error field is required when mock.errorOutput is specified.');
    return accept({ kind: 'error', error, cause });
  }
  let result: JsonValue;
  try {
    result = JSON.parse(mock.result ?? '') as JsonValue;
  } catch {
    return invalid('Mocked result must be valid JSON');
  }
  const problem = resultShapeProblem(target, result);
  return problem ? invalid(problem) : accept({ kind: 'result', result });
}
