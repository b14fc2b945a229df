/**
 * Where the engine keeps state machines, executions, their event logs and memoised effects.
 * Synchronous on purpose: better-sqlite3 and the in-memory store both are, and the run loop
 * must never interleave a half-written transition with another one.
 */
import type { JsonValue } from '../asl';
import type { HistoryEvent } from './history-event';
import type { MapRunStore } from './map-runs/map-run-record';
import type { ResourceStore } from './resource-store';
import type { VersionStore } from './state-machine-versions';

/** AWS's execution statuses. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** STANDARD or EXPRESS. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** A state machine as CreateStateMachine made it. */
export type StateMachineRecord = {
  arn: string;
  name: string;
  type: StateMachineType;
  definition: string;
  roleArn: string;
  createdAt: number;
  updatedAt?: number;
  description?: string;
  revisionId?: string;
  loggingConfiguration?: JsonValue;
  tracingConfiguration?: JsonValue;
  /** Number of the last version published (numbers are never reused, even once deleted). */
  lastVersion?: number;
};

/** An execution: what DescribeExecution reports, plus the definition it runs. */
export type ExecutionRecord = {
  arn: string;
  stateMachineArn: string;
  stateMachineName: string;
  name: string;
  type: StateMachineType;
  status: ExecutionStatus;
  definition: string;
  roleArn: string;
  input: string;
  startedAt: number;
  stoppedAt?: number;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redrivedAt?: number;
  /** Execution that started this one through `states:startExecution`, or whose Distributed Map started it. */
  parentArn?: string;
  /** Set on the child executions of a Distributed Map: the Map Run that started it, and how many items it processes. */
  mapRunArn?: string;
  itemCount?: number;
  /** Root-scope positions from which each redrive re-ran the execution (see journal.ts). */
  redriveCuts?: number[];
  traceHeader?: string;
  /** The revision the execution started with, and when it was made (DescribeStateMachineForExecution). */
  revisionId?: string;
  revisionDate?: number;
  /** The version it ran when started through a version or alias ARN, and that alias. */
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
};

/** One history event with the deterministic key that identifies it across replays. */
export type StoredEvent = { key: string; event: HistoryEvent };

/** Filter of `listExecutions`. */
export type ExecutionFilter = { stateMachineArn?: string; status?: ExecutionStatus };

/** Persistence for the engine. Writes may be buffered until `flush()`; reads see buffered writes. */
export type ExecutionStore = ResourceStore &
  VersionStore &
  MapRunStore & {
    putStateMachine(record: StateMachineRecord): void;
    getStateMachine(arn: string): StateMachineRecord | undefined;
    listStateMachines(): StateMachineRecord[];
    deleteStateMachine(arn: string): void;

    putExecution(record: ExecutionRecord): void;
    getExecution(arn: string): ExecutionRecord | undefined;
    listExecutions(filter?: ExecutionFilter): ExecutionRecord[];

    /** Appends one event under its replay key (see journal.ts). */
    appendEvent(executionArn: string, key: string, event: HistoryEvent): void;
    listEvents(executionArn: string): StoredEvent[];
    putEffect(executionArn: string, key: string, value: JsonValue): void;
    listEffects(executionArn: string): Map<string, JsonValue>;

    /** Makes every buffered write durable. */
    flush(): void;
    close(): void;
  };
