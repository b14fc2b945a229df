/**
 * What the live channel sends: one message per run event, numbered by the hub, and the topics
 * clients subscribe to (every run, one workflow, one run).
 */

/** Message types of run events. `run.status` carries in-run status changes (WAITING_FOR_APPROVAL and back). */
export type LiveEventType =
  | 'run.started'
  | 'run.status'
  | 'state.entered'
  | 'state.exited'
  | 'run.succeeded'
  | 'run.failed'
  | 'run.timed_out'
  | 'run.aborted'
  | 'approval.requested'
  | 'approval.decided'
  | 'approval.cancelled';

/** The approval message types, published by the approvals module. */
export type ApprovalEventType = Extract<LiveEventType, `approval.${string}`>;

/** One run event. `seq` increases monotonically across the hub; clients resume with `since: seq`. */
export type LiveEvent = {
  type: LiveEventType;
  seq: number;
  runId: string;
  workflow: string;
  time: string;
  data: Record<string, unknown>;
};

/** A run event before the hub numbers it. */
export type LiveEventInput = Omit<LiveEvent, 'seq'>;

/** What a client subscribes to. */
export type LiveTopic = { kind: 'all' } | { kind: 'workflow'; workflow: string } | { kind: 'run'; runId: string };

/** Whether `event` belongs to `topic`. */
export function topicMatches(topic: LiveTopic, event: Pick<LiveEvent, 'runId' | 'workflow'>): boolean {
  if (topic.kind === 'all') return true;
  if (topic.kind === 'workflow') return topic.workflow === event.workflow;
  return topic.runId === event.runId;
}

/** A stable key for a topic (`all`, `workflow:<name>`, `run:<id>`). */
export function topicKey(topic: LiveTopic): string {
  if (topic.kind === 'all') return 'all';
  return topic.kind === 'workflow' ? `workflow:${topic.workflow}` : `run:${topic.runId}`;
}
