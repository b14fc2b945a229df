/**
 * Live events without a hub. On AWS every status change is its own function invocation, so there
 * is no process-wide sequence counter and no replay buffer. The events are still the local hub's
 * own: a throwaway LiveHub builds them (same `data` fields, same task-token redaction) and
 * delivers nothing. Two things differ: `workflow` is the catalogue's name (the state machine is
 * named `<prefix><workflow>` on AWS), and `seq` is the event's instant in epoch milliseconds, which
 * increases with time across all functions, is the same for a redelivered EventBridge event, and
 * keeps the console's `lastSeq` bookkeeping working. An event too large for API Gateway loses its
 * optional `input` and `output` (clients re-read them over REST).
 */
import type { ApprovalEvent } from '../../approvals/approval-event';
import type { LiveEvent } from '../live-event';
import { LiveHub } from '../live-hub';
import { publishApprovalEvent } from '../publish-approval-event';
import type { StatusChangeEvent } from '../status-change-event';

/** API Gateway's largest message: PostToConnection refuses more than 128 KiB, while a run's input or output may be 256 KiB. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

/** run.started, run.succeeded|failed|timed_out|aborted (run.status for PENDING_REDRIVE), numbered by when the status changed. */
export function statusChangeLiveEvent(change: StatusChangeEvent, workflow: string): LiveEvent {
  const event = new LiveHub().publishStatusChange(change);
  return fitted({ ...event, workflow, seq: change.detail.stopDate ?? change.detail.startDate });
}

/** approval.requested|decided|cancelled of a run of `workflow`, dated and numbered `now` (epoch ms). */
export function approvalLiveEvent(event: ApprovalEvent, workflow: string, now: number): LiveEvent {
  const built = publishApprovalEvent(new LiveHub({ now: () => now }), event);
  return { ...built, workflow, seq: now };
}

/** The event, without `input` and `output` if it would not fit in one API Gateway message. */
function fitted(event: LiveEvent): LiveEvent {
  if (Buffer.byteLength(JSON.stringify(event)) <= MAX_MESSAGE_BYTES) return event;
  return { ...event, data: Object.fromEntries(Object.entries(event.data).filter(([key]) => key !== 'input' && key !== 'output')) };
}
