/**
 * The engine: starts, stops, redrives and resumes executions over an injected store, clock and
 * task handlers. No I/O of its own; the emulator puts the Step Functions API in front of it.
 */
import { randomUUID } from 'node:crypto';
import type { StateMachine } from '../asl';
import { executionArnOf, type Account } from './arns';
import { systemClock, type Clock } from './clock';
import { driveExecution } from './drive-execution';
import type { EngineServices } from './engine-services';
import { accept, refuse, type EngineResult } from './engine-result';
import { StatesError } from './errors';
import { isValidResourceName } from './execution-names';
import { ExecutionRun } from './execution-run';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import type { HistoryEvent } from './history-event';
import { fitsPayloadLimit } from './json-text';
import { Journal } from './journal';
import { silentLogger, type Logger } from './logger';
import { redriveCut, redrivenRecord } from './redrive';
import { CallbackHub } from './tasks/callback-hub';
import type { ChildExecutions } from './tasks/child-executions';
import { deliverCallback, type CallbackAction, type CallbackRefusal } from './tasks/deliver-callback';
import { resolveIntegration } from './tasks/resolve-integration';
import { createTaskHandlerRegistry, type TaskHandler, type TaskHandlerRegistry } from './tasks/task-handler-registry';

/** AWS's defaults for a local account. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** What an Engine is built from. */
export type EngineOptions = {
  store: ExecutionStore;
  clock?: Clock;
  taskHandlers?: TaskHandlerRegistry | Readonly<Record<string, TaskHandler>>;
  logger?: Logger;
  region?: string;
  accountId?: string;
};

/** StartExecution's parameters. `reuseExisting` lets a nested start find the execution it already started. */
export type StartExecutionRequest = {
  stateMachineArn: string;
  name?: string;
  input?: string;
  traceHeader?: string;
  parentArn?: string;
  reuseExisting?: boolean;
};

/** AWS exceptions StartExecution can be refused with. */
export type StartRefusal = 'StateMachineDoesNotExist' | 'InvalidName' | 'InvalidExecutionInput' | 'ExecutionAlreadyExists';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** Runs executions; one per process, shared by every API request. */
export class Engine {
  readonly store: ExecutionStore;
  readonly clock: Clock;
  readonly account: Account;
  readonly logger: Logger;
  private readonly services: EngineServices;
  private readonly runs = new Map<string, ExecutionRun>();
  private readonly running = new Set<Promise<ExecutionRecord>>();
  private readonly stopRequests = new Map<string, { error?: string; cause?: string }>();
  private readonly completion = new Map<string, Set<(record: ExecutionRecord) => void>>();
  private readonly callbacks = new CallbackHub();
  private closed = false;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.account = { region: options.region ?? DEFAULT_REGION, accountId: options.accountId ?? DEFAULT_ACCOUNT_ID };
    const given = options.taskHandlers;
    const handlers = given && typeof (given as TaskHandlerRegistry).get === 'function' ? (given as TaskHandlerRegistry) : createTaskHandlerRegistry(given as Record<string, TaskHandler>);
    const integrationEnv = { handlers, ...this.account, children: this.childExecutions() };
    this.services = {
      clock: this.clock,
      logger: this.logger,
      ...this.account,
      callbacks: this.callbacks,
      integration: (resource) => resolveIntegration(integrationEnv, resource),
    };
  }

  /** Starts an execution (idempotent by name while it runs with the same input, as on AWS). */
  startExecution(request: StartExecutionRequest): EngineResult<{ record: ExecutionRecord; created: boolean }, StartRefusal> {
    const machine = this.store.getStateMachine(request.stateMachineArn);
    if (!machine) return refuse('StateMachineDoesNotExist', `State Machine Does Not Exist: '${request.stateMachineArn}'`);
    const input = request.input ?? '{}';
    try {
      JSON.parse(input);
    } catch {
      return refuse('InvalidExecutionInput', `Invalid State Machine Execution Input: 'Unexpected character (${input.slice(0, 20)})'`);
    }
    if (!fitsPayloadLimit(input)) return refuse('InvalidExecutionInput', 'The input exceeds the maximum allowed size of 262144 bytes.');
    const name = request.name ?? randomUUID();
    if (!isValidResourceName(name)) return refuse('InvalidName', `Invalid Name: '${name}'`);
    const express = machine.type === 'EXPRESS';
    const arn = executionArnOf(this.account, machine.name, name, express, express ? randomUUID() : '');
    const existing = express ? undefined : this.store.getExecution(arn);
    if (existing) {
      const sameInput = existing.input === input;
      if (sameInput && (existing.status === 'RUNNING' || request.reuseExisting)) return accept({ record: existing, created: false });
      return refuse('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const record: ExecutionRecord = {
      arn,
      stateMachineArn: machine.arn,
      stateMachineName: machine.name,
      name,
      type: machine.type,
      status: 'RUNNING',
      definition: machine.definition,
      roleArn: machine.roleArn,
      input,
      startedAt: this.clock.now(),
      redriveCount: 0,
      parentArn: request.parentArn,
      traceHeader: request.traceHeader,
    };
    this.store.putExecution(record);
    this.launch(record);
    this.store.flush();
    return accept({ record, created: true });
  }

  /** StopExecution: aborts a running execution (ExecutionAborted with the given error and cause). */
  stopExecution(arn: string, error?: string, cause?: string): EngineResult<ExecutionRecord, 'ExecutionDoesNotExist' | 'ExecutionNotRunning'> {
    const record = this.store.getExecution(arn);
    if (!record) return refuse('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    const run = this.runs.get(arn);
    if (record.status !== 'RUNNING' || !run) return accept(record);
    this.stopRequests.set(arn, { error, cause });
    run.interrupt('aborted');
    return accept(record);
  }

  /** RedriveExecution: runs a failed, timed-out or aborted execution again from where it stopped. */
  redriveExecution(arn: string): EngineResult<ExecutionRecord, 'ExecutionDoesNotExist' | 'ExecutionNotRedrivable'> {
    const record = this.store.getExecution(arn);
    if (!record) return refuse('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    if (record.type === 'EXPRESS' || !['FAILED', 'TIMED_OUT', 'ABORTED'].includes(record.status)) {
      return refuse('ExecutionNotRedrivable', `Execution is not redrivable: '${arn}'`);
    }
    const events = this.store.listEvents(arn);
    const redriven = redrivenRecord(record, redriveCut(events), this.clock.now());
    const lastId = events.reduce((max, { event }) => Math.max(max, event.id), 0);
    this.store.appendEvents(arn, [
      {
        key: `redrive:${redriven.redriveCount}`,
        event: { id: lastId + 1, previousEventId: lastId, timestamp: this.clock.now(), type: 'ExecutionRedriven', details: { redriveCount: redriven.redriveCount } },
      },
    ]);
    this.store.putExecution(redriven);
    this.launch(redriven);
    this.store.flush();
    return accept(redriven);
  }

  /** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
  sendTaskCallback(token: string, action: CallbackAction): EngineResult<void, CallbackRefusal> {
    return deliverCallback({ hub: this.callbacks, runs: this.runs, store: this.store }, token, action);
  }

  /** The execution's history, oldest first. */
  history(arn: string): HistoryEvent[] {
    return this.store
      .listEvents(arn)
      .map(({ event }) => event)
      .sort((a, b) => a.id - b.id);
  }

  /** Resolves once the execution has closed (immediately if it already has). */
  waitForExecution(arn: string, signal?: AbortSignal): Promise<ExecutionRecord> {
    const record = this.store.getExecution(arn);
    if (!record) return Promise.reject(new StatesError('States.Runtime', `Execution Does Not Exist: '${arn}'`));
    if (TERMINAL.has(record.status)) return Promise.resolve(record);
    return new Promise((resolve, reject) => {
      const listeners = this.completion.get(arn) ?? new Set();
      const listener = (finished: ExecutionRecord): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(finished);
      };
      const onAbort = (): void => {
        listeners.delete(listener);
        reject(signal?.reason);
      };
      listeners.add(listener);
      this.completion.set(arn, listeners);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resumes every execution the store says is running (after a restart); returns how many. */
  recover(): number {
    let resumed = 0;
    for (const record of this.store.listExecutions({ status: 'RUNNING' })) {
      if (this.runs.has(record.arn)) continue;
      this.launch(record);
      resumed++;
    }
    return resumed;
  }

  /** How many executions run in this process. */
  get activeExecutions(): number {
    return this.runs.size;
  }

  /** Stops interpreting (executions stay RUNNING in the store, to be recovered) and flushes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const run of this.runs.values()) run.interrupt('engine-closed');
    await Promise.allSettled([...this.running]);
    this.store.flush();
  }

  private launch(record: ExecutionRecord): void {
    if (this.closed) return;
    const definition = JSON.parse(record.definition) as StateMachine;
    const run = new ExecutionRun(record, definition, new Journal(this.store, record.arn), this.services);
    this.runs.set(record.arn, run);
    const driving = driveExecution(run, this.store, { stopRequest: () => this.stopRequests.get(record.arn) ?? {} })
      .catch((error: unknown) => {
        this.logger.error('execution driver failed', { executionArn: record.arn, error: String(error) });
        return record;
      })
      .then((finished) => {
        this.runs.delete(record.arn);
        this.stopRequests.delete(record.arn);
        this.running.delete(driving);
        if (TERMINAL.has(finished.status)) this.notify(finished);
        return finished;
      });
    this.running.add(driving);
  }

  private notify(record: ExecutionRecord): void {
    const listeners = this.completion.get(record.arn);
    this.completion.delete(record.arn);
    for (const listener of listeners ?? []) listener(record);
  }

  private childExecutions(): ChildExecutions {
    return {
      start: (request) => {
        const result = this.startExecution({ ...request, reuseExisting: true });
        if (!result.ok) throw new StatesError(`StepFunctions.${result.code}Exception`, result.message);
        return result.value.record;
      },
      waitFor: (arn, signal) => this.waitForExecution(arn, signal),
    };
  }
}
