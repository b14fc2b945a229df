/**
 * ApproveRun and RejectRun: find the run's pending approval, check the caller may decide it
 * (refusals in plain words), ask for a reason when rejecting without one, then decide through the
 * one decision path (same authorization, four-eyes, single use) with channel `chat`.
 */
import { checkAccess } from '../../../api/access/access-rule';
import { approvalSubject } from '../../../api/approvals/approval-subject';
import { decideApproval } from '../../../api/approvals/decide-approval';
import { listApprovals } from '../../../api/approvals/list-approvals';
import { failureWords, refusalWords } from '../chat-wording';
import { statusWords } from '../../../api/runs/status-words';
import { close, delegate, elicitSlot } from '../lex-replies';
import { readableRun, runNotFoundWords } from '../readable-run';
import { filledRunId, RUN_ID_SLOT, resolveRunReference, runChoices } from '../run-reference';
import type { DialogTurn, IntentHandler } from '../dialog-turn';
import { keptUtteranceSlots, utteranceSlot } from '../utterance-slot';

/** ApproveRun (with an optional Comment) or RejectRun (with a Reason, asked for when missing). */
export function decideRun(outcome: 'approve' | 'reject'): IntentHandler {
  const verb = outcome === 'approve' ? 'approve' : 'reject';
  return async (turn: DialogTurn) => {
    const { event, caller, deps } = turn;
    const reference = await resolveRunReference(turn);
    if ('failure' in reference) return close(event, 'Failed', { text: reference.failure });
    if ('ask' in reference) {
      const text =
        reference.ask.length === 0
          ? `Nothing is waiting for your approval. Which run should I ${verb}?`
          : `Which run should I ${verb}? ${reference.ask.length} wait for you: ${reference.ask.map((approval) => `${approval.runId} (${approval.workflow})`).join(', ')}.`;
      return elicitSlot(event, RUN_ID_SLOT, { text, title: 'Waiting for you', buttons: runChoices(reference.ask) });
    }
    const runId = reference.runId;
    const [approval] = await listApprovals(deps.approvals, { status: 'pending', runId }, deps.clock.now());
    const run = approval ? undefined : await readableRun(turn, runId);
    const access = approval ? deps.lookup.catalogue.accessOf(approval.workflow) : undefined;
    if (!approval || !access || !checkAccess(caller, 'read', access, approvalSubject(approval)).allowed) {
      if (!run) return close(event, 'Failed', { text: runNotFoundWords(runId) });
      turn.focus(runId);
      return close(event, 'Failed', {
        text: `${runId} (${run.entry.name}) is not waiting for approval: it ${run.execution.status === 'RUNNING' ? 'is running' : `has ${statusWords(run.execution.status ?? '')}`}.`,
      });
    }
    turn.focus(runId);
    const verdict = checkAccess(caller, 'decide', access, approvalSubject(approval));
    if (!verdict.allowed) return close(event, 'Failed', { text: refusalWords(verdict.code, verdict.reason, runId) });
    const reason = utteranceSlot(turn, 'Reason');
    if (outcome === 'reject' && !reason) {
      return elicitSlot(
        event,
        'Reason',
        {
          text: `Why are you rejecting ${runId} (${approval.workflow}, "${approval.stateName}")? The reason is recorded and shown to the requester.`,
        },
        filledRunId(turn, runId),
      );
    }
    if (!turn.fulfilling) return delegate(event, { ...filledRunId(turn, runId), ...keptUtteranceSlots(turn, ['Comment', 'Reason']) });
    try {
      const decision = outcome === 'approve' ? { outcome, comment: utteranceSlot(turn, 'Comment') } : { outcome, reason };
      await decideApproval(
        {
          store: deps.approvals,
          sfn: deps.lookup.sfn,
          accessOf: deps.lookup.catalogue.accessOf,
          clock: deps.clock,
          onApprovalEvent: deps.onApprovalEvent,
        },
        { approvalId: approval.approvalId, caller, decision, channel: 'chat' },
      );
    } catch (error) {
      return close(event, 'Failed', { text: failureWords(error, runId) });
    }
    const done =
      outcome === 'approve'
        ? `Approved ${runId} (${approval.workflow}, "${approval.stateName}"). The run goes on.`
        : `Rejected ${runId} (${approval.workflow}, "${approval.stateName}"): ${reason}.`;
    return close(event, 'Fulfilled', { text: done, title: 'Next', buttons: [{ text: 'Status', value: `status of ${runId}` }] });
  };
}
