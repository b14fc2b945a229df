/**
 * `arn:aws:states:::states:startExecution[.sync|.sync:2|.waitForTaskToken]`: starts an execution
 * of another state machine on this engine, optionally waiting for it.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '../../asl';
import { StatesError } from '../errors';
import type { ExecutionRecord } from '../execution-store';
import type { ChildExecutions } from './child-executions';
import type { TaskIntegration, TaskInvocation, TaskPattern } from './task-integration';

/** `.sync` returns Output as text; `.sync:2` parses it. */
export type SyncFlavour = 'sync' | 'sync:2';

/** A name derived from the attempt, so a replayed attempt finds the execution it already started. */
function deterministicName(invocation: TaskInvocation): string {
  const hex = createHash('sha256').update(`${invocation.executionArn}|${invocation.attemptKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function requestOf(invocation: TaskInvocation): { stateMachineArn: string; input: string; name: string } {
  const parameters = invocation.parameters;
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters) || typeof parameters.StateMachineArn !== 'string') {
    throw new StatesError('States.Runtime', 'The Parameters of a states:startExecution task must include StateMachineArn.');
  }
  const input =
    parameters.Input === undefined ? '{}' : typeof parameters.Input === 'string' ? parameters.Input : JSON.stringify(parameters.Input);
  const name = typeof parameters.Name === 'string' ? parameters.Name : deterministicName(invocation);
  return { stateMachineArn: parameters.StateMachineArn, input, name };
}

function describeOutput(record: ExecutionRecord, flavour: SyncFlavour): JsonObject {
  const out: JsonObject = {
    ExecutionArn: record.arn,
    Input: flavour === 'sync:2' ? (JSON.parse(record.input) as JsonValue) : record.input,
    InputDetails: { Included: true },
    Name: record.name,
    StartDate: record.startedAt,
    StateMachineArn: record.stateMachineArn,
    Status: record.status,
    StopDate: record.stoppedAt ?? null,
  };
  if (record.output !== undefined) {
    out.Output = flavour === 'sync:2' ? (JSON.parse(record.output) as JsonValue) : record.output;
    out.OutputDetails = { Included: true };
  }
  if (record.error !== undefined) out.Error = record.error;
  if (record.cause !== undefined) out.Cause = record.cause;
  return out;
}

/** The startExecution integration for `pattern` (and, for `.sync`, its output flavour). */
export function startExecutionIntegration(
  children: ChildExecutions,
  pattern: TaskPattern,
  flavour: SyncFlavour = 'sync:2',
): TaskIntegration {
  const suffix = pattern === 'sync' ? `.${flavour}` : pattern === 'callback' ? '.waitForTaskToken' : '';
  return {
    flavour: 'task',
    resourceType: 'states',
    resource: `startExecution${suffix}`,
    pattern,
    async invoke(invocation) {
      const request = requestOf(invocation);
      const started = children.start({ ...request, parentArn: invocation.executionArn });
      if (pattern !== 'sync') return { ExecutionArn: started.arn, StartDate: started.startedAt };
      const finished = await children.waitFor(started.arn, invocation.signal);
      const output = describeOutput(finished, flavour);
      if (finished.status === 'SUCCEEDED') return output;
      const error = finished.status === 'TIMED_OUT' ? 'States.Timeout' : 'States.TaskFailed';
      throw new StatesError(error, JSON.stringify(output));
    },
  };
}
