/**
 * The one decision path, shared by the API, the console and the chatbot: check the approver,
 * record the decision with a conditional write (so exactly one decision wins), then resume the
 * run with SendTaskSuccess or SendTaskFailure.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { approvedOutput, rejectedFailure } from '../../workflows/asl/approval-contract';
import { checkAccess, type ResolvedAccess } from '../access/access-rule';
import { enforceAccess } from '../access/enforce-access';
import { HttpError, type Caller } from '../errors';
import { systemApprovalClock, type ApprovalClock } from './approval-clock';
import { emitApprovalEvent, type OnApprovalEvent } from './approval-event';
import { isoInstant, type ApprovalDecision, type DecisionChannel } from './approval-record';
import type { ApprovalStore } from './approval-store';
import { approvalSubject } from './approval-subject';
import { isExpired, publicApproval, type PublicApproval } from './public-approval';

/** What deciding needs: `accessOf` gives each workflow's access; `onApprovalEvent` hears `approval.decided` once the run has taken the decision. */
export type DecideApprovalDeps = {
  store: ApprovalStore;
  sfn: SFNClient;
  accessOf: (workflow: string) => ResolvedAccess;
  clock?: ApprovalClock;
  onApprovalEvent?: OnApprovalEvent;
};

/** Approve with an optional comment, or reject with an optional reason. */
export type DecisionInput = { outcome: 'approve'; comment?: string } | { outcome: 'reject'; reason?: string };

/** One decision by one caller through one channel. */
export type DecisionRequest = { approvalId: string; caller: Caller; decision: DecisionInput; channel: DecisionChannel };

/** Step Functions' answers for a token whose task is over (timed out, or the run stopped). */
const GONE_TASK_ERRORS: readonly string[] = ['TaskTimedOut', 'TaskDoesNotExist'];

/** Decides an approval; HttpError 404, 403, 409 `approval-already-decided` or `approval-cancelled`, 410 `approval-expired` or 502. */
export async function decideApproval(
  { store, sfn, accessOf, clock = systemApprovalClock, onApprovalEvent }: DecideApprovalDeps,
  request: DecisionRequest,
): Promise<PublicApproval> {
  const { approvalId, caller } = request;
  const now = clock.now();
  const record = await store.get(approvalId);
  if (!record) throw approvalNotFound(approvalId);
  enforceAccess(checkAccess(caller, 'decide', accessOf(record.workflow), approvalSubject(record)), () => approvalNotFound(approvalId), {
    approvalId,
  });
  if (record.status === 'cancelled') throw cancelled(approvalId, record.cancelReason);
  if (record.status === 'expired' || (record.status === 'pending' && isExpired(record, now))) throw expired(approvalId);
  if (record.status !== 'pending') throw alreadyDecided(approvalId);

  const decision = decisionOf(request, record.requestedBy, now);
  const written = await store.decide(approvalId, decision, now);
  if (!written.ok) {
    if (written.reason === 'not-found') throw approvalNotFound(approvalId);
    if (written.reason === 'cancelled') throw cancelled(approvalId, (await store.get(approvalId))?.cancelReason);
    throw written.reason === 'expired' ? expired(approvalId) : alreadyDecided(approvalId);
  }

  try {
    await resumeRun(sfn, record.taskToken, decision);
  } catch (error) {
    if (error instanceof Error && GONE_TASK_ERRORS.includes(error.name)) {
      await store.markExpired(approvalId);
      throw expired(approvalId, error);
    }
    throw new HttpError(
      502,
      'approval-delivery-failed',
      `the decision on ${approvalId} is recorded but Step Functions did not take it`,
      { approvalId },
      { cause: error },
    );
  }
  const approval = publicApproval(written.record, now);
  emitApprovalEvent(onApprovalEvent, { type: 'approval.decided', approval });
  return approval;
}

/** Hands the decision to the waiting task: `{ approved: true, decidedBy, comment }`, or the Approval.Rejected error. */
async function resumeRun(sfn: SFNClient, taskToken: string, decision: ApprovalDecision): Promise<void> {
  if (decision.outcome === 'approved') {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(approvedOutput(decision.decidedBy, decision.comment)) }));
    return;
  }
  await sfn.send(new SendTaskFailureCommand({ taskToken, ...rejectedFailure(decision.decidedBy, decision.reason) }));
}

/** The decision to record. */
function decisionOf({ caller, decision, channel }: DecisionRequest, requestedBy: string | undefined, now: number): ApprovalDecision {
  const common = {
    decidedBy: caller.user,
    decidedAt: isoInstant(now),
    channel,
    ...(requestedBy === undefined ? { requesterUnknown: true as const } : {}),
  };
  if (decision.outcome === 'approve')
    return { outcome: 'approved', ...common, ...(decision.comment === undefined ? {} : { comment: decision.comment }) };
  return { outcome: 'rejected', ...common, ...(decision.reason === undefined ? {} : { reason: decision.reason }) };
}

/** The 404 of an approval that does not exist (or that the caller may not know of). */
export function approvalNotFound(approvalId: string): HttpError {
  return new HttpError(404, 'approval-not-found', `no approval ${approvalId}`, { approvalId });
}

function cancelled(approvalId: string, reason: string | undefined): HttpError {
  const why = reason === undefined ? 'its run is no longer running' : `its run ended (${reason})`;
  return new HttpError(409, 'approval-cancelled', `${approvalId} was cancelled because ${why}; there is nothing left to decide`, {
    approvalId,
    cancelReason: reason,
  });
}

function alreadyDecided(approvalId: string): HttpError {
  return new HttpError(409, 'approval-already-decided', `${approvalId} has already been decided`, { approvalId });
}

function expired(approvalId: string, cause?: unknown): HttpError {
  return new HttpError(410, 'approval-expired', `${approvalId} has expired`, { approvalId }, cause === undefined ? undefined : { cause });
}
