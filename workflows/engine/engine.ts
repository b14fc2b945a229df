/**
 * The engine: starts, stops, redrives and resumes executions over an injected store, clock and
 * task handlers. No I/O of its own; the emulator puts the Step Functions API in front of it.
 */
import { LRUCache } from 'lru-cache';
import type { StateMachine } from '../asl';
import type { Account } from '../asl/arns';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../local-defaults';
import { systemClock, type Clock } from './clock';
import { driveExecution } from './drive-execution';
import type { EngineServices } from './engine-services';
import { accept, refuse, type EngineResult } from './engine-result';
import { CompletionWaiters, TERMINAL_STATUSES } from './completion-waiters';
import { newExecution, type StartExecutionRequest, type StartRefusal } from './new-execution';
import { StatesError } from './errors';
import { ExecutionRun } from './execution-run';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import type { HistoryEvent } from './history-event';
import { Journal } from './journal';
import { silentLogger, type Logger } from './logger';
import { MapRuns } from './map-runs/map-runs';
import { redriveCut, redrivenRecord } from './redrive';
import { ActivityTasks, type ActivityTaskAssignment } from './tasks/activity-tasks';
import { CallbackHub } from './tasks/callback-hub';
import type { ChildExecutions } from './tasks/child-executions';
import { deliverCallback, type CallbackAction, type CallbackRefusal } from './tasks/deliver-callback';
import type { DynamoDbItems } from './tasks/dynamodb-items';
import { resolveIntegration } from './tasks/resolve-integration';
import type { TaskIntegration } from './tasks/task-integration';
import { createTaskHandlerRegistry, type TaskHandler, type TaskHandlerRegistry } from './tasks/task-handler-registry';

export { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../local-defaults';

export type { StartExecutionRequest, StartRefusal } from './new-execution';

/** What an Engine is built from. */
export type EngineOptions = {
  store: ExecutionStore;
  clock?: Clock;
  taskHandlers?: TaskHandlerRegistry | Readonly<Record<string, TaskHandler>>;
  logger?: Logger;
  region?: string;
  accountId?: string;
  /** The DynamoDB behind `arn:aws:states:::dynamodb:*` tasks; without it they fail with States.Runtime. */
  dynamodb?: DynamoDbItems;
  /** Called after an execution's status is stored (started, redriven, closed): the local source of EventBridge status-change events. */
  onStatusChange?: (record: ExecutionRecord) => void;
  /** Called after events are appended to an execution's history (many per turn): lets readers drop what they cached of it. */
  onHistoryChange?: (executionArn: string) => void;
  /** Wraps each Task's integration (the test kit answers mocked states here instead of the service). */
  wrapIntegration?: (integration: TaskIntegration) => TaskIntegration;
  /** Draws in [0, 1): the version of an alias with two routes, and FULL retry jitter (Math.random unless given: tests pin it). */
  random?: () => number;
};

/** Runs executions; one per process, shared by every API request. */
export class Engine {
  readonly store: ExecutionStore;
  readonly clock: Clock;
  readonly account: Account;
  readonly logger: Logger;
  /** Map Runs of Distributed Map states (DescribeMapRun, ListMapRuns, UpdateMapRun). */
  readonly mapRuns: MapRuns;
  private readonly services: EngineServices;
  private readonly runs = new Map<string, ExecutionRun>();
  private readonly running = new Set<Promise<ExecutionRecord>>();
  private readonly stopRequests = new Map<string, { error?: string; cause?: string }>();
  private readonly completion = new CompletionWaiters();
  private readonly callbacks = new CallbackHub();
  private readonly activityTasks: ActivityTasks;
  /** Parsed definitions by text, shared by executions (per-state caches key on the parsed objects). */
  private readonly definitions = new LRUCache<string, StateMachine>({ max: 1000, memoMethod: (text) => JSON.parse(text) as StateMachine });
  private closed = false;
  private readonly onStatusChange?: (record: ExecutionRecord) => void;
  private readonly onHistoryChange?: (executionArn: string) => void;
  private readonly random: () => number;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.onStatusChange = options.onStatusChange;
    this.random = options.random ?? Math.random;
    this.onHistoryChange = options.onHistoryChange && this.guarded(options.onHistoryChange);
    this.account = { region: options.region ?? DEFAULT_REGION, accountId: options.accountId ?? DEFAULT_ACCOUNT_ID };
    this.activityTasks = new ActivityTasks(this.store);
    this.mapRuns = new MapRuns(this.store, {
      launch: (record, created) => this.launchMapRunChild(record, created),
      waitFor: (arn, signal) => this.waitForExecution(arn, signal),
      stop: (arn) => this.stopExecution(arn),
    });
    const given = options.taskHandlers;
    const handlers =
      given && typeof (given as TaskHandlerRegistry).get === 'function'
        ? (given as TaskHandlerRegistry)
        : createTaskHandlerRegistry(given as Record<string, TaskHandler>);
    const integrationEnv = { handlers, ...this.account, children: this.childExecutions(), dynamodb: options.dynamodb };
    this.services = {
      clock: this.clock,
      logger: this.logger,
      ...this.account,
      callbacks: this.callbacks,
      activities: this.activityTasks,
      mapRuns: this.mapRuns,
      random: this.random,
      integration: (resource) => (options.wrapIntegration ?? ((integration) => integration))(resolveIntegration(integrationEnv, resource)),
      inFlight: { tasks: 0 },
    };
  }

  /** Starts an execution (idempotent by name while it runs with the same input, as on AWS). */
  startExecution(request: StartExecutionRequest): EngineResult<{ record: ExecutionRecord; created: boolean }, StartRefusal> {
    const result = newExecution(this.store, this.account, this.clock.now(), request, this.random);
    if (result.ok && result.value.created) {
      this.store.putExecution(result.value.record);
      this.launch(result.value.record);
      this.store.flush();
      this.statusChanged(result.value.record);
    }
    return result;
  }

  /** StopExecution: aborts a running execution (ExecutionAborted with the given error and cause) and resolves once it is recorded. */
  async stopExecution(arn: string, error?: string, cause?: string): Promise<EngineResult<ExecutionRecord, 'ExecutionDoesNotExist'>> {
    const record = this.store.getExecution(arn);
    if (!record) return refuse('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    const run = this.runs.get(arn);
    if (record.status !== 'RUNNING' || !run) return accept(record);
    this.stopRequests.set(arn, { error, cause });
    run.interrupt('aborted');
    return accept(await this.waitForExecution(arn));
  }

  /** RedriveExecution: runs a failed, timed-out or aborted execution again from where it stopped. */
  redriveExecution(arn: string): EngineResult<ExecutionRecord, 'ExecutionDoesNotExist' | 'ExecutionNotRedrivable'> {
    const record = this.store.getExecution(arn);
    if (!record) return refuse('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    // A Map Run's child is redriven with its parent (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html).
    if (record.type === 'EXPRESS' || record.mapRunArn !== undefined || !['FAILED', 'TIMED_OUT', 'ABORTED'].includes(record.status)) {
      return refuse('ExecutionNotRedrivable', `Execution is not redrivable: '${arn}'`);
    }
    const events = this.store.listEvents(arn);
    const redriven = redrivenRecord(record, redriveCut(events), this.clock.now());
    const lastId = events.reduce((max, { event }) => Math.max(max, event.id), 0);
    this.store.appendEvent(arn, `redrive:${redriven.redriveCount}`, {
      id: lastId + 1,
      previousEventId: lastId,
      timestamp: this.clock.now(),
      type: 'ExecutionRedriven',
      details: { redriveCount: redriven.redriveCount },
    });
    this.onHistoryChange?.(arn);
    this.store.putExecution(redriven);
    this.launch(redriven);
    this.store.flush();
    this.statusChanged(redriven);
    return accept(redriven);
  }

  /** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
  sendTaskCallback(token: string, action: CallbackAction): EngineResult<void, CallbackRefusal> {
    return deliverCallback({ hub: this.callbacks, runs: this.runs, store: this.store }, token, action);
  }

  /**
   * GetActivityTask: takes the oldest scheduled task of the activity, waiting up to `waitMs` for
   * one (undefined when none came, `signal` fired or the engine closed).
   */
  pollActivityTask(
    activityArn: string,
    workerName: string | undefined,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<ActivityTaskAssignment | undefined> {
    return this.activityTasks.poll(activityArn, workerName, waitMs, signal);
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
    if (TERMINAL_STATUSES.has(record.status)) return Promise.resolve(record);
    return this.completion.wait(arn, signal);
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

  /** How many task invocations are running (a `--fast-time` clock waits for 0 before jumping). */
  get tasksInFlight(): number {
    return this.services.inFlight.tasks;
  }

  /** How many executions run in this process. */
  get activeExecutions(): number {
    return this.runs.size;
  }

  /** Stops interpreting (executions stay RUNNING in the store, to be recovered) and flushes. */
  async close(): Promise<void> {
    this.closed = true;
    this.activityTasks.close();
    for (const run of this.runs.values()) run.interrupt('engine-closed');
    await Promise.allSettled([...this.running]);
    this.store.flush();
  }

  /** Tells the listener; a throwing listener is logged and never disturbs the engine. */
  private statusChanged(record: ExecutionRecord): void {
    if (!this.onStatusChange) return;
    try {
      this.onStatusChange({ ...record });
    } catch (error) {
      this.logger.error('status change listener failed', { executionArn: record.arn, error: String(error) });
    }
  }

  /** The history listener, made harmless: a throwing listener is logged and never disturbs a run. */
  private guarded(listener: (executionArn: string) => void): (executionArn: string) => void {
    return (executionArn) => {
      try {
        listener(executionArn);
      } catch (error) {
        this.logger.error('history change listener failed', { executionArn, error: String(error) });
      }
    };
  }

  private launch(record: ExecutionRecord): void {
    if (this.closed) return;
    const definition = this.definitions.memo(record.definition);
    // The run keeps a slim copy: the definition text stays in the store (drive-execution re-reads the record to close it).
    const run = new ExecutionRun(
      { ...record, definition: '' },
      definition,
      new Journal(this.store, record.arn, this.onHistoryChange),
      this.services,
    );
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
        if (TERMINAL_STATUSES.has(finished.status)) {
          this.completion.notify(finished);
          this.statusChanged(finished);
        }
        return finished;
      });
    this.running.add(driving);
  }

  /** Runs a Map Run's child execution (stored first when new; one left running before a restart is resumed). */
  private launchMapRunChild(record: ExecutionRecord, created: boolean): void {
    if (created) this.store.putExecution(record);
    if (record.status === 'RUNNING' && !this.runs.has(record.arn)) this.launch(record);
    if (created) this.statusChanged(record);
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
