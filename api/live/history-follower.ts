/**
 * State-level progress of watched runs: polls GetExecutionHistory through the SFN client and
 * publishes the new events as state.entered / state.exited, and run.status WAITING_FOR_APPROVAL
 * while an approval task (`lambda:invoke.waitForTaskToken` on approval-request) waits. Messages
 * carry state names and types only, never task parameters, so no task token can leak.
 */
import type { HistoryEvent, SFNClient } from '@aws-sdk/client-sfn';
import { LRUCache } from 'lru-cache';
import { HistoryReader, type HistoryChange } from '../history/history-reader';
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
  reader: HistoryReader;
  done: boolean;
  chain: Promise<void>;
};

const MAX_FOLLOWED = 10_000;

/** Follows the histories of the runs the hub says are watched. */
export class HistoryFollower {
  private readonly followed = new LRUCache<string, Followed>({ max: MAX_FOLLOWED });
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
      state = {
        runId: run.runId,
        workflow,
        executionArn,
        lastEventId: 0,
        reader: new HistoryReader(),
        done: false,
        chain: Promise.resolve(),
      };
      this.followed.set(run.runId, state);
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
      const time = (event.timestamp ?? new Date()).toISOString();
      for (const change of run.reader.apply(event)) this.publishChange(run, change, time);
    }
  }

  /** Messages carry state names and types only, never task parameters, so no task token can leak. */
  private publishChange(run: Followed, change: HistoryChange, time: string): void {
    const base = { runId: run.runId, workflow: run.workflow, time };
    const { hub } = this.options;
    if (change.kind === 'entered')
      hub.publish({
        ...base,
        type: 'state.entered',
        data: { name: change.visit.name, stateType: change.visit.stateType, eventId: change.eventId },
      });
    else if (change.kind === 'exited')
      hub.publish({
        ...base,
        type: 'state.exited',
        data: { name: change.visit.name, stateType: change.visit.stateType, eventId: change.eventId },
      });
    else if (change.kind === 'approval' && change.waiting)
      hub.publish({ ...base, type: 'run.status', data: { status: 'WAITING_FOR_APPROVAL', stateName: change.visit.name } });
    else if (change.kind === 'approval' && run.reader.waitingForApproval().length === 0)
      hub.publish({ ...base, type: 'run.status', data: { status: 'RUNNING', stateName: change.visit.name } });
    else if (change.kind === 'closed') {
      run.done = true;
      run.reader = new HistoryReader(); // a finished run's visits are no longer needed
    }
  }
}
