/**
 * The built-in `approval-request` function: a `.waitForTaskToken` task calls it (the engine
 * in-process, or Lambda on AWS) and it stores the pending approval with the task token. Calling
 * it again with the same token (at-least-once delivery) returns the same approval id.
 */
import { systemApprovalClock, type ApprovalClock } from './approval-clock';
import { emitApprovalEvent, type OnApprovalEvent } from './approval-event';
import { approvalIdCandidates } from './approval-id';
import { runIdOf } from '../catalogue/workflow-catalogue';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { RunLedger } from '../ledger/run-ledger';
import { starterOf } from '../ledger/starter-of';
import { approvalPayloadSchema, type ApprovalPayload } from './approval-payload';
import { isoInstant, type ApprovalRecord } from './approval-record';
import type { ApprovalStore } from './approval-store';
import { publicApproval } from './public-approval';

/**
 * What the handler needs: the requester is the run's starter in the `ledger` (never a field of the
 * input), through the parent run for a nested one when `sfn` is given; `onApprovalEvent` hears
 * `approval.requested` once per newly stored approval.
 */
export type ApprovalRequestHandlerDeps = {
  store: ApprovalStore;
  ledger: RunLedger;
  sfn?: SFNClient;
  clock?: ApprovalClock;
  onApprovalEvent?: OnApprovalEvent;
};

/** The handler's result, which the run keeps nowhere (the decision replaces it). */
export type ApprovalRequestResult = { approvalId: string };

/** Builds the handler; it rejects a malformed payload with a TypeError that never quotes the token. */
export function approvalRequestHandler({
  store,
  ledger,
  sfn,
  clock = systemApprovalClock,
  onApprovalEvent,
}: ApprovalRequestHandlerDeps): (payload: unknown) => Promise<ApprovalRequestResult> {
  return async function handleApprovalRequest(payload: unknown): Promise<ApprovalRequestResult> {
    const parsed = approvalPayloadSchema.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(payload)').join(', ');
      throw new TypeError(`approval-request got an invalid payload (${fields})`);
    }
    const request = parsed.data;
    const requestedBy = await starterOf({ ledger, sfn }, request.executionArn);
    const now = clock.now();
    for (const approvalId of approvalIdCandidates(request.taskToken)) {
      const record = recordOf(approvalId, request, requestedBy, now);
      if ((await store.put(record)) === 'created') {
        emitApprovalEvent(onApprovalEvent, { type: 'approval.requested', approval: publicApproval(record, now) });
        return { approvalId };
      }
      const existing = await store.get(approvalId);
      if (existing?.taskToken === request.taskToken) return { approvalId };
    }
    throw new Error(`approval-request could not find a free approval id for ${request.executionArn} at '${request.stateName}'`);
  };
}

/** The pending record for a request at `now`. */
function recordOf(approvalId: string, request: ApprovalPayload, requestedBy: string | undefined, now: number): ApprovalRecord {
  return {
    approvalId,
    runId: runIdOf(request.executionArn),
    executionArn: request.executionArn,
    stateName: request.stateName,
    workflow: request.workflow,
    approvers: request.approvers,
    message: request.message,
    input: request.input,
    ...(requestedBy === undefined ? {} : { requestedBy }),
    requestedAt: isoInstant(now),
    ...(request.timeoutSeconds === undefined ? {} : { expiresAt: isoInstant(now + request.timeoutSeconds * 1000) }),
    status: 'pending',
    taskToken: request.taskToken,
  };
}
