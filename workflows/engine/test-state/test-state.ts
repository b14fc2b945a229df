/**
 * TestState: runs one state the way AWS's TestState API does, with no state machine and no
 * execution, and reports its output, next state and status (SUCCEEDED, FAILED, RETRIABLE,
 * CAUGHT_ERROR), with the data-flow steps from the DEBUG level on. Pure apart from the task
 * handlers an unmocked Lambda task calls.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import type { JsonValue } from '../../asl';
import { attributeFailure } from '../attribute-failure';
import { systemClock, type Clock } from '../clock';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../engine';
import { accept, type EngineResult } from '../engine-result';
import { ExecutionInterrupted, StatesError } from '../errors';
import { assertWithinPayloadLimit, toJsonText } from '../json-text';
import { silentLogger, type Logger } from '../logger';
import { nextOf } from '../run-state';
import type { StateRun } from '../state-run';
import { CallbackHub } from '../tasks/callback-hub';
import { createTaskHandlerRegistry, type TaskHandler, type TaskHandlerRegistry } from '../tasks/task-handler-registry';
import type { TaskIntegration } from '../tasks/task-integration';
import { applyCatcher } from '../with-retry-and-catch';
import { attemptState } from './attempt-state';
import { InspectionRecorder } from './inspection-recorder';
import { isolatedStateRun } from './isolated-state-run';
import { mockIntegration } from './mock-integration';
import { prepareTest, type PreparedTest } from './prepare-test';
import { retryOrCatch } from './retry-or-catch';
import { taskCall } from './task-call';
import type { InspectionErrorDetails, TestStateOutput, TestStateRefusal } from './test-state-output';
import type { TestStateRequest } from './test-state-request';

/** What TestState runs with: the handlers unmocked Lambda tasks call, the account, clock and logger. */
export type TestStateOptions = {
  taskHandlers?: TaskHandlerRegistry | Readonly<Record<string, TaskHandler>>;
  region?: string;
  accountId?: string;
  clock?: Clock;
  logger?: Logger;
};

/** AWS's limit on one TestState call: a state still running after five minutes fails with States.Timeout. */
export const TEST_STATE_TIMEOUT_MS = 5 * 60 * 1000;

/** The answer's optional members, in AWS's order. */
const ANSWER_MEMBERS = ['output', 'error', 'cause', 'nextState'] as const;

/** What the run found, before it becomes the answer. */
type Ending = Omit<TestStateOutput, 'inspectionData'> & { errorDetails?: InspectionErrorDetails };

/** Timers fire at once: a tested Wait state reports its outcome without waiting. */
function instantTimers(clock: Clock): Clock {
  return {
    now: () => clock.now(),
    setTimer: (_dueAt, fire) => {
      const handle = setImmediate(fire);
      return { cancel: () => clearImmediate(handle) };
    },
  };
}

function registryOf(handlers: TestStateOptions['taskHandlers']): TaskHandlerRegistry {
  if (handlers && typeof (handlers as TaskHandlerRegistry).get === 'function') return handlers as TaskHandlerRegistry;
  return createTaskHandlerRegistry(handlers as Readonly<Record<string, TaskHandler>> | undefined);
}

function failure(error: StatesError, status: 'FAILED' | 'RETRIABLE', errorDetails?: InspectionErrorDetails): Ending {
  return { status, error: error.code || undefined, cause: error.details || undefined, errorDetails };
}

/** The answer for a state that failed with `thrown`: retried, caught or failed. */
async function afterError(run: StateRun, test: PreparedTest, thrown: StatesError): Promise<Ending> {
  const error = attributeFailure(run, thrown);
  const handling = retryOrCatch(run.state, error, test.retryCount);
  if (handling.kind === 'retry')
    return failure(error, 'RETRIABLE', { retryIndex: handling.retryIndex, retryBackoffIntervalSeconds: handling.backoffSeconds });
  const retried = handling.retryIndex === undefined ? {} : { retryIndex: handling.retryIndex };
  if (handling.kind === 'fail') return failure(error, 'FAILED', retried);
  const caught = await applyCatcher(run, handling.catcher, error);
  if (caught.assigned) run.scope.variables.assign(caught.assigned);
  return {
    ...failure(error, 'FAILED', { ...retried, catchIndex: handling.catchIndex }),
    status: 'CAUGHT_ERROR',
    output: toJsonText(caught.output),
    nextState: caught.next,
  };
}

async function attemptAndReport(run: StateRun, test: PreparedTest, recorder: InspectionRecorder): Promise<Ending> {
  try {
    const outcome = await attemptState(run, test.mock, recorder);
    const output = toJsonText(outcome.output);
    assertWithinPayloadLimit(run.name, output);
    if (outcome.assigned) run.scope.variables.assign(outcome.assigned);
    return { status: 'SUCCEEDED', output, nextState: nextOf(run.state, outcome) };
  } catch (thrown) {
    if (thrown instanceof ExecutionInterrupted && thrown.reason === 'timed-out') {
      return failure(new StatesError('States.Timeout', 'The state did not finish within the five minutes TestState allows.'), 'FAILED');
    }
    if (!(thrown instanceof StatesError)) throw thrown;
    if (thrown.code === 'States.DataLimitExceeded') return failure(thrown, 'FAILED');
    try {
      return await afterError(run, test, thrown);
    } catch (second) {
      if (second instanceof StatesError) return failure(attributeFailure(run, second), 'FAILED');
      throw second;
    }
  }
}

/** Runs the prepared test; `integration` answers the Task's calls. */
async function runTest(
  test: PreparedTest,
  options: Required<Pick<TestStateOptions, 'region' | 'accountId' | 'clock' | 'logger'>>,
  callbacks: CallbackHub,
  integration: TaskIntegration | undefined,
): Promise<TestStateOutput> {
  const recorder = new InspectionRecorder(test.target);
  const clock = test.target.state.Type === 'Wait' ? instantTimers(options.clock) : options.clock;
  const { run, execution } = isolatedStateRun(test, {
    account: { region: options.region, accountId: options.accountId },
    clock,
    logger: options.logger,
    callbacks,
    integration: (resource) => {
      if (!integration) throw new StatesError('States.Runtime', `The resource '${resource}' cannot be called here.`);
      return integration;
    },
    recorder,
  });
  const limit = options.clock.setTimer(options.clock.now() + TEST_STATE_TIMEOUT_MS, () => execution.interrupt('timed-out'));
  let ending: Ending;
  try {
    ending = await attemptAndReport(run, test, recorder);
  } finally {
    limit.cancel();
  }
  // Members without a value are left out, as in AWS's answer.
  const answer: TestStateOutput = { status: ending.status };
  for (const member of ANSWER_MEMBERS) if (ending[member] !== undefined) answer[member] = ending[member];
  if (test.inspectionLevel === 'INFO') return answer;
  const variables: Readonly<Record<string, JsonValue>> = run.scope.variables.visible();
  return { ...answer, inspectionData: recorder.inspectionData({ input: test.input, variables, errorDetails: ending.errorDetails }) };
}

/** Tests one state as AWS's TestState API does, or refuses the request with AWS's exception. */
export async function testState(
  request: TestStateRequest,
  options: TestStateOptions = {},
): Promise<EngineResult<TestStateOutput, TestStateRefusal>> {
  const prepared = prepareTest(request);
  if (!prepared.ok) return prepared;
  const test = prepared.value;
  const { region = DEFAULT_REGION, accountId = DEFAULT_ACCOUNT_ID, clock = systemClock, logger = silentLogger } = options;
  const callbacks = new CallbackHub();
  const { state } = test.target;
  let integration: TaskIntegration | undefined;
  if (state.Type === 'Task') {
    if (test.mock) integration = mockIntegration(state.Resource, test.mock, callbacks);
    else {
      const call = taskCall(state, { handlers: registryOf(options.taskHandlers), region, accountId }, test.roleArn);
      if (!call.ok) return call;
      integration = call.value;
    }
  }
  return accept(await runTest(test, { region, accountId, clock, logger }, callbacks, integration));
}
