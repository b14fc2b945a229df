/**
 * The live hub: numbers run events, keeps recent ones per run for replay, and hands each event
 * once to every connection with a matching subscription that may read the event's workflow. It
 * learns runs from EventBridge status changes; the history follower adds state progress, the
 * approvals module adds approval events.
 */
import { redactTaskTokens } from '../runs/redact-task-tokens';
import { topicKey, topicMatches, type ApprovalEventType, type LiveEvent, type LiveEventInput, type LiveTopic } from './live-event';
import { RunEventBuffers, type Replay, type RunEventBuffersOptions } from './run-event-buffers';
import type { StatusChangeEvent, StatusChangeStatus } from './status-change-event';

/** Receives the events of a connection's subscriptions. */
export type LiveListener = (event: LiveEvent) => void;

/** Whether a connection may receive events of `workflow` now (asked on every delivery and replay, so it may change). */
export type MayRead = (workflow: string) => boolean;

/** One connection's subscriptions. */
export type LiveConnection = {
  /** Adds `topic`; returns the kept readable events after `since` (none without it), to send before live ones. */
  subscribe(topic: LiveTopic, since?: number): Replay;
  /** Removes `topic`; false if it was not subscribed. */
  unsubscribe(topic: LiveTopic): boolean;
  /** The subscribed topics. */
  topics(): LiveTopic[];
  /** Drops every subscription. */
  close(): void;
};

/** A run the hub knows from its status changes. */
export type KnownRun = { runId: string; workflow: string; executionArn: string; status: StatusChangeStatus };

/** A run someone watches: `executionArn` is missing when the hub has not seen the run yet. */
export type WatchedRun = { runId: string; workflow?: string; executionArn?: string };

/** An approval event from the approvals module (never with the task token). */
export type ApprovalNotice = {
  approvalId: string;
  runId: string;
  workflow?: string;
  stateName?: string;
  details?: Record<string, unknown>;
};

/** Bounds and clock of a hub. */
export type LiveHubOptions = RunEventBuffersOptions & { now?: () => number };

type Connection = { topics: Map<string, LiveTopic>; listener: LiveListener; mayRead: MayRead };
type Subscription = { topic: LiveTopic; mayRead: MayRead };

const CLOSING: Readonly<Record<StatusChangeStatus, LiveEvent['type']>> = {
  RUNNING: 'run.started',
  SUCCEEDED: 'run.succeeded',
  FAILED: 'run.failed',
  TIMED_OUT: 'run.timed_out',
  ABORTED: 'run.aborted',
  PENDING_REDRIVE: 'run.status',
};

/** The workflow (state machine name) of a state machine ARN. */
export function workflowOfArn(stateMachineArn: string): string {
  return stateMachineArn.split(':')[6] ?? stateMachineArn;
}

/** Routes run events to subscribed connections; one per API process. */
export class LiveHub {
  private readonly buffers: RunEventBuffers;
  private readonly connections = new Set<Connection>();
  private readonly known = new Map<string, KnownRun>();
  private readonly maxKnown: number;
  private readonly now: () => number;
  private seq = 0;

  constructor(options: LiveHubOptions = {}) {
    this.buffers = new RunEventBuffers(options);
    this.maxKnown = Math.max(1, options.maxRuns ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /** Numbers `input`, keeps it for replay and delivers it where it may be read; a throwing listener is skipped. */
  publish(input: LiveEventInput): LiveEvent {
    const event: LiveEvent = { ...input, data: redactTaskTokens(input.data) as Record<string, unknown>, seq: ++this.seq };
    this.buffers.add(event);
    for (const connection of [...this.connections]) {
      if (![...connection.topics.values()].some((topic) => topicMatches(topic, event))) continue;
      try {
        if (connection.mayRead(event.workflow)) connection.listener(event);
      } catch {
        // One broken connection must not keep the event from the others.
      }
    }
    return event;
  }

  /** Publishes an execution status change: run.started, run.succeeded|failed|timed_out|aborted (run.status for PENDING_REDRIVE). */
  publishStatusChange(change: StatusChangeEvent): LiveEvent {
    const { detail } = change;
    const run: KnownRun = {
      runId: detail.name,
      workflow: workflowOfArn(detail.stateMachineArn),
      executionArn: detail.executionArn,
      status: detail.status,
    };
    this.known.delete(run.runId);
    this.known.set(run.runId, run);
    if (this.known.size > this.maxKnown) this.known.delete(this.known.keys().next().value as string);
    const data: Record<string, unknown> = {
      status: detail.status,
      executionArn: detail.executionArn,
      startDate: new Date(detail.startDate).toISOString(),
    };
    if (detail.stopDate !== null) data.stopDate = new Date(detail.stopDate).toISOString();
    if (detail.status === 'RUNNING' && detail.input !== null) data.input = detail.input;
    if (detail.output !== null) data.output = detail.output;
    if (detail.error !== null) data.error = detail.error;
    if (detail.cause !== null) data.cause = detail.cause;
    if (detail.redriveCount) data.redriveCount = detail.redriveCount;
    return this.publish({ type: CLOSING[detail.status], runId: run.runId, workflow: run.workflow, time: change.time, data });
  }

  /** Publishes approval.requested, approval.decided or approval.cancelled for the approvals module. */
  publishApproval(type: ApprovalEventType, notice: ApprovalNotice): LiveEvent {
    const workflow = notice.workflow ?? this.known.get(notice.runId)?.workflow ?? '';
    const data: Record<string, unknown> = { ...notice.details, approvalId: notice.approvalId };
    if (notice.stateName !== undefined) data.stateName = notice.stateName;
    return this.publish({ type, runId: notice.runId, workflow, time: this.isoNow(), data });
  }

  /** A new connection delivering to `listener` the events of the workflows `mayRead` allows. */
  connect(listener: LiveListener, mayRead: MayRead): LiveConnection {
    const connection: Connection = { topics: new Map<string, LiveTopic>(), listener, mayRead };
    this.connections.add(connection);
    return {
      subscribe: (topic, since) => {
        connection.topics.set(topicKey(topic), topic);
        if (since === undefined) return { events: [], truncated: false };
        const replay = this.buffers.replay(topic, since);
        return { events: replay.events.filter((event) => mayRead(event.workflow)), truncated: replay.truncated };
      },
      unsubscribe: (topic) => connection.topics.delete(topicKey(topic)),
      topics: () => [...connection.topics.values()],
      close: () => {
        connection.topics.clear();
        this.connections.delete(connection);
      },
    };
  }

  /** What the hub knows of a run from its status changes. */
  run(runId: string): KnownRun | undefined {
    return this.known.get(runId);
  }

  /** Runs to follow: running runs some subscription matches and may read, and subscribed runs not known to have closed. */
  watchedRuns(): WatchedRun[] {
    const subscriptions = this.subscriptions();
    if (subscriptions.length === 0) return [];
    const watched = new Map<string, WatchedRun>();
    for (const run of this.known.values()) {
      if (run.status === 'RUNNING' && watches(subscriptions, run)) watched.set(run.runId, run);
    }
    for (const { topic } of subscriptions) {
      if (topic.kind !== 'run' || watched.has(topic.runId)) continue;
      const run = this.known.get(topic.runId);
      if (!run) watched.set(topic.runId, { runId: topic.runId });
    }
    return [...watched.values()];
  }

  /** The run if it is one of `watchedRuns()`, without walking every known run (called on each status change). */
  watchedRun(runId: string): WatchedRun | undefined {
    const subscriptions = this.subscriptions();
    const run = this.known.get(runId);
    if (run) return run.status === 'RUNNING' && watches(subscriptions, run) ? run : undefined;
    return subscriptions.some(({ topic }) => topic.kind === 'run' && topic.runId === runId) ? { runId } : undefined;
  }

  private subscriptions(): Subscription[] {
    return [...this.connections].flatMap((connection) =>
      [...connection.topics.values()].map((topic) => ({ topic, mayRead: connection.mayRead })),
    );
  }

  /** The sequence number of the latest event (0 before any). */
  get lastSeq(): number {
    return this.seq;
  }

  /** A timestamp for events the hub dates itself. */
  isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

/** Whether some subscription matches `run` and may read its workflow (nobody's history is polled for a run nobody may see). */
function watches(subscriptions: readonly Subscription[], run: KnownRun): boolean {
  return subscriptions.some(({ topic, mayRead }) => topicMatches(topic, run) && mayRead(run.workflow));
}
