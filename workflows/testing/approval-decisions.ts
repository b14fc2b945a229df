/**
 * Approvals in a test: the decision given for the approval state's name reaches the waiting task
 * exactly as the product's approval path sends it (workflows/asl/approval-contract.ts), at the instant the run asks.
 * `{ expire: true }` decides nothing, so virtual time runs past the step's timeout.
 */
import { approvedOutput, rejectedFailure } from '../asl/approval-contract';
import type { Engine, VirtualClock } from '../engine';

/** How a test decides one approval step. */
export type ApprovalDecisionMock =
  { approve: true; by: string; comment?: string } | { approve: false; by: string; reason?: string } | { expire: true };

export type DecideApprovalRequest = {
  engine: Engine;
  clock: VirtualClock;
  token: string;
  stateName: string;
  /** The approval-request payload the step sends (approvers, message, input, …). */
  payload: unknown;
  decisions: Readonly<Record<string, ApprovalDecisionMock>>;
  startedBy?: string;
};

/** Schedules the decision; returns the problem with the test instead when there is one. */
export function decideApproval({
  engine,
  clock,
  token,
  stateName,
  payload,
  decisions,
  startedBy,
}: DecideApprovalRequest): string | undefined {
  const decision = decisions[stateName];
  if (!decision)
    return `'${stateName}' asks for an approval, but approvals has no decision for it: add approvals: { '${stateName}': { approve: true, by: '…' } }, { approve: false, by, reason } or { expire: true }`;
  if ('expire' in decision) return undefined;
  const allowRequester = (payload as { approvers?: { allowRequester?: boolean } } | undefined)?.approvers?.allowRequester === true;
  if (startedBy !== undefined && decision.by === startedBy && !allowRequester) {
    return `four-eyes: ${decision.by} started the run, so ${decision.by} may not decide '${stateName}' (the step does not allow the requester); name another approver`;
  }
  clock.setTimer(clock.now(), () => {
    const outcome = decision.approve
      ? { status: 'succeeded' as const, output: approvedOutput(decision.by, decision.comment) }
      : { status: 'failed' as const, ...rejectedFailure(decision.by, decision.reason) };
    engine.sendTaskCallback(token, { kind: 'outcome', outcome });
  });
  return undefined;
}
