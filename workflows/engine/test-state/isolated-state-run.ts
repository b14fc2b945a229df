/**
 * A state run outside any execution: a throwaway in-memory execution (journal, clock, task
 * integrations, variables) gives the engine's own state code everything it expects, so the
 * tested state is evaluated exactly as in a run.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { JsonObject } from '../../asl';
import type { Account } from '../../asl/arns';
import type { Clock } from '../clock';
import type { EngineServices } from '../engine-services';
import { ExecutionRun } from '../execution-run';
import { NOT_TRUNCATED } from '../history-event';
import { Journal } from '../journal';
import { toJsonText } from '../json-text';
import type { Logger } from '../logger';
import type { StateRun } from '../state-run';
import { MemoryExecutionStore } from '../store/memory-execution-store';
import type { CallbackHub } from '../tasks/callback-hub';
import type { TaskIntegration } from '../tasks/task-integration';
import type { InspectionRecorder } from './inspection-recorder';
import type { PreparedTest } from './prepare-test';
import { testContextObject } from './test-context';

/** Where and with what the state runs. */
export type IsolationOptions = {
  account: Account;
  clock: Clock;
  logger: Logger;
  callbacks: CallbackHub;
  integration(resource: string): TaskIntegration;
  recorder: InspectionRecorder;
};

/** States that have Retry (their context object has State.RetryCount). */
const RETRYING_TYPES = new Set(['Task', 'Map', 'Parallel']);

/** The tested state's run and the execution it belongs to. */
export function isolatedStateRun(test: PreparedTest, options: IsolationOptions): { run: StateRun; execution: ExecutionRun } {
  const { target } = test;
  const { region, accountId } = options.account;
  const stateMachineName = `TestState-${randomBytes(4).toString('hex')}`;
  const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
  const executionName = randomUUID();
  const executionArn = `arn:aws:states:${region}:${accountId}:express:${stateMachineName}:${executionName}`;
  const inputText = toJsonText(test.input);
  const startedAt = options.clock.now();
  const services: EngineServices = {
    ...options.account,
    clock: options.clock,
    logger: options.logger,
    callbacks: options.callbacks,
    integration: (resource) => options.integration(resource),
    inFlight: { tasks: 0 },
  };
  const record = {
    arn: executionArn,
    stateMachineArn,
    stateMachineName,
    name: executionName,
    type: 'EXPRESS' as const,
    status: 'RUNNING' as const,
    definition: '',
    roleArn: test.roleArn ?? '',
    input: inputText,
    startedAt,
    redriveCount: 0,
  };
  const machine = { QueryLanguage: target.language, StartAt: target.name, States: { [target.name]: target.state } };
  const execution = new ExecutionRun(record, machine, new Journal(new MemoryExecutionStore(), executionArn), services);
  const scope = execution.root;
  scope.variables.assign(test.variables);
  const entered = scope.emit(`${target.state.Type}StateEntered`, { name: target.name, input: inputText, inputDetails: NOT_TRUNCATED });
  const retryCount = RETRYING_TYPES.has(target.state.Type) ? test.retryCount : undefined;
  const givenContext: JsonObject = testContextObject(
    {
      executionArn,
      executionName,
      stateMachineArn,
      stateMachineName,
      roleArn: test.roleArn,
      input: test.input,
      startedAt,
      stateName: target.name,
      enteredAt: entered.timestamp,
      retryCount,
    },
    test.context,
  );
  const run: StateRun = {
    name: target.name,
    state: target.state,
    input: test.input,
    scope,
    language: target.language,
    entered,
    retryCount,
    givenContext,
    inspect: options.recorder.record,
  };
  return { run, execution };
}
