/** What `states:startExecution` tasks need from the engine: start a nested execution and wait for it. */
import type { ExecutionRecord } from '../execution-store';

/** A nested execution request (idempotent by name, as StartExecution is). */
export type ChildExecutionRequest = {
  stateMachineArn: string;
  input: string;
  name: string;
  parentArn: string;
};

/** Starts nested executions on the same engine. `start` throws StatesError when AWS would refuse. */
export type ChildExecutions = {
  start(request: ChildExecutionRequest): ExecutionRecord;
  waitFor(executionArn: string, signal: AbortSignal): Promise<ExecutionRecord>;
};
