/** ListPendingApprovals: what waits for the caller's decision (and, apart, their own runs waiting for someone else). */
import type { PublicApproval } from '../../../api/approvals/public-approval';
import { ago, within } from '../chat-wording';
import { approvalsWaitingOnOthers, decidableApprovals } from '../decidable-approvals';
import { close } from '../lex-replies';
import type { IntentHandler } from '../dialog-turn';

const MAX_LISTED = 10;

/** Answers ListPendingApprovals; a single approval becomes the conversation's run. */
export const listPendingApprovals: IntentHandler = async (turn) => {
  const now = turn.deps.clock.now();
  const mine = await decidableApprovals(turn);
  const others = await approvalsWaitingOnOthers(turn);
  const line = (approval: PublicApproval) =>
    `• ${approval.runId} ${approval.workflow}, "${approval.stateName}": ${approval.message.slice(0, 120)} (asked by ${approval.requestedBy ?? 'someone outside Statecraft'} ${ago(approval.requestedAt, now)}${approval.expiresAt ? `, expires ${within(approval.expiresAt, now)}` : ''})`;
  const lines =
    mine.length === 0
      ? ['Nothing is waiting for your approval.']
      : [`${mine.length} waiting for your approval:`, ...mine.slice(0, MAX_LISTED).map(line)];
  if (others.length > 0)
    lines.push(`Waiting for someone else: ${others.map((approval) => `${approval.runId} ${approval.workflow}`).join(', ')}.`);
  if (mine.length === 1) turn.focus(mine[0].runId);
  return close(turn.event, 'Fulfilled', {
    text: lines.join('\n'),
    title: 'Decide',
    buttons: mine.slice(0, 5).flatMap((approval) => [
      { text: `Approve ${approval.runId}`, value: `approve ${approval.runId}` },
      { text: `Reject ${approval.runId}`, value: `reject ${approval.runId}` },
    ]),
  });
};
