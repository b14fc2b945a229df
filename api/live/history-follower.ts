/**
 * State-level progress of watched runs: polls GetExecutionHistory through the SFN client and
 * publishes the new events as state.entered / state.exited, and run.status WAITING_FOR_APPROVAL
 * while an approval task (`lambda:invoke.waitForTaskToken` on approval-request) waits. Messages
 * carry state names and types only, never task parameters, so no task token can leak.
 */
import type { HistoryEvent, SFNClient } from '@aws-sdk/client-sfn';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/dsl';
import { silentLogger, type ApiLogger } from '../logger';
import { fetchHistory } from '../runs/fetch-history';
import type { LiveHub, WatchedRun } from './live-hub';
import type { StatusChangeEvent } from './status-change-event';

/** How often watched runs are polled unless told otherwise. */
export const DEFAULT_HISTORY_POLL_MS = 1000;

/** What a follower is built from. */
export type HistoryFollowerOptions = {
  hub: LiveHub;
  sfn: SFNClient;
  intervalMs?: number;
  /** The execution ARN of a run the hub has not seen start (e.g. found through the catalogue). */
  resolveExecutionArn?: (runId: string) => Promise<string | undefined>;
  logger?: ApiLogger;
};

type Followed = {
  runId: string;
  workflow: string;
  executionArn: string;
  lastEventId: number;
  seen: Map<number, HistoryEvent>;
  approvals: Set<number>;
  done: boolean;
  chain: Promise<void>;
};

const TASK_ENDED = new Set(['TaskSucceeded', 'TaskFailed', 'TaskTimedOut', 'TaskAborted']);
const EXECUTION_CLOSED = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);
const MAX_FOLLOWED = 10_000;

/** Follows the histories of the runs the hub says are watched. */
export class HistoryFollower {
  private readonly followed = new Map<string, Followed>();
  private readonly intervalMs: number;
  private readonly logger: ApiLogger;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: HistoryFollowerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_HISTORY_POLL_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** Starts polling every `intervalMs`. */
  start(): void {
    if (this.closed || this.timer) return;
    const tick = (): void => {
      this.polling = this.pollOnce().finally(() => {
        if (!this.closed) this.timer = setTimeout(tick, this.intervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, this.intervalMs).unref();
  }

  /** Polls every watched run once. */
  async pollOnce(): Promise<void> {
    await Promise.all(this.options.hub.watchedRuns().map((run) => this.follow(run)));
  }

  /**
   * Publishes a status change to the hub, after the run's remaining history when it is watched, so
   * a client sees the last state.exited before run.succeeded.
   */
  async ingest(change: StatusChangeEvent): Promise<void> {
    const { hub } = this.options;
    const watched = hub.watchedRun(change.detail.name);
    if (watched && change.detail.status !== 'RUNNING') {
      await this.follow({ ...watched, executionArn: change.detail.executionArn });
    }
    hub.publishStatusChange(change);
  }

  /** Stops polling and waits for polls in flight. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.all([...this.followed.values()].map((run) => run.chain));
  }

  private async follow(run: WatchedRun): Promise<void> {
    let state = this.followed.get(run.runId);
    if (!state) {
      const executionArn = run.executionArn ?? (await this.resolve(run.runId));
      if (!executionArn || this.followed.has(run.runId)) return this.followed.get(run.runId)?.chain;
      const workflow = run.workflow ?? executionArn.split(':')[6] ?? '';
      state = { runId: run.runId, workflow, executionArn, lastEventId: 0, seen: new Map(), approvals: new Set(), done: false, chain: Promise.resolve() };
      this.followed.set(run.runId, state);
      if (this.followed.size > MAX_FOLLOWED) this.followed.delete(this.followed.keys().next().value as string);
    }
    if (state.done) return;
    const followed = state;
    followed.chain = followed.chain.then(() => this.drain(followed));
    return followed.chain;
  }

  private async resolve(runId: string): Promise<string | undefined> {
    try {
      return await this.options.resolveExecutionArn?.(runId);
    } catch (error) {
      this.logger.error('live: cannot resolve run', { runId, error: String(error) });
      return undefined;
    }
  }

  private async drain(run: Followed): Promise<void> {
    if (run.done) return;
    let events: HistoryEvent[];
    try {
      events = await fetchHistory(this.options.sfn, run.executionArn);
    } catch (error) {
      this.logger.error('live: history poll failed', { executionArn: run.executionArn, error: String(error) });
      return;
    }
    for (const event of events) {
      const id = event.id ?? 0;
      if (id <= run.lastEventId) continue;
      run.lastEventId = id;
      run.seen.set(id, { id, previousEventId: event.previousEventId, timestamp: event.timestamp, type: event.type, stateEnteredEventDetails: event.stateEnteredEventDetails });
      this.publishEvent(run, event);
    }
  }

  private publishEvent(run: Followed, event: HistoryEvent): void {
    const type = event.type ?? '';
    const time = (event.timestamp ?? new Date()).toISOString();
    const base = { runId: run.runId, workflow: run.workflow, time };
    if (type.endsWith('StateEntered')) {
      this.options.hub.publish({ ...base, type: 'state.entered', data: { name: event.stateEnteredEventDetails?.name, stateType: type.slice(0, -'StateEntered'.length), eventId: event.id } });
    } else if (type.endsWith('StateExited')) {
      this.options.hub.publish({ ...base, type: 'state.exited', data: { name: event.stateExitedEventDetails?.name, stateType: type.slice(0, -'StateExited'.length), eventId: event.id } });
    } else if (type === 'TaskScheduled' && isApprovalTask(event)) {
      const entered = enteredOf(run, event);
      if (entered === undefined) return;
      run.approvals.add(entered.id ?? 0);
      this.options.hub.publish({ ...base, type: 'run.status', data: { status: 'WAITING_FOR_APPROVAL', stateName: entered.stateEnteredEventDetails?.name } });
    } else if (TASK_ENDED.has(type)) {
      const entered = enteredOf(run, event);
      if (entered === undefined || !run.approvals.delete(entered.id ?? 0)) return;
      if (run.approvals.size === 0) this.options.hub.publish({ ...base, type: 'run.status', data: { status: 'RUNNING', stateName: entered.stateEnteredEventDetails?.name } });
    } else if (EXECUTION_CLOSED.has(type)) {
      run.done = true;
      run.seen.clear();
    }
  }
}

/** The StateEntered event a task event belongs to, following previousEventId. */
function enteredOf(run: Followed, event: HistoryEvent): HistoryEvent | undefined {
  let at: HistoryEvent | undefined = run.seen.get(event.previousEventId ?? 0);
  while (at && !at.type?.endsWith('StateEntered')) at = run.seen.get(at.previousEventId ?? 0);
  return at;
}

function isApprovalTask(event: HistoryEvent): boolean {
  const details = event.taskScheduledEventDetails;
  if (!details?.resource?.endsWith('.waitForTaskToken')) return false;
  return details.parameters?.includes(`:function:${APPROVAL_REQUEST_FUNCTION}"`) ?? false;
}
