/** GetRunStatus: one run's workflow, status and age, with what the caller can do next. */
import { checkAccess } from '../../../api/access/access-rule';
import { describeRun } from '../../../api/runs/describe-run';
import { ago } from '../chat-wording';
import { statusWords } from '../../../api/runs/status-words';
import { decidableApprovals } from '../decidable-approvals';
import { close, elicitSlot } from '../lex-replies';
import { readableRun, runNotFoundWords } from '../readable-run';
import { RUN_ID_SLOT, resolveRunReference, runChoices } from '../run-reference';
import type { IntentHandler } from '../dialog-turn';

/** Answers GetRunStatus; the run becomes the conversation's run. */
export const getRunStatus: IntentHandler = async (turn) => {
  const { event, caller, deps } = turn;
  const reference = await resolveRunReference(turn);
  if ('failure' in reference) return close(event, 'Failed', { text: reference.failure });
  if ('ask' in reference) {
    return elicitSlot(event, RUN_ID_SLOT, {
      text: 'Which run? Give me its id, like r-7f3a9c, or say "my latest run".',
      title: 'Waiting for you',
      buttons: runChoices(reference.ask),
    });
  }
  const run = await readableRun(turn, reference.runId);
  if (!run) return close(event, 'Failed', { text: runNotFoundWords(reference.runId) });
  const details = await describeRun(deps.lookup.sfn, run);
  const now = deps.clock.now();
  turn.focus(details.runId);
  const where =
    details.waitingForApproval.length > 0
      ? ` at "${details.waitingForApproval.join('", "')}"`
      : details.currentStates.length > 0
        ? ` in "${details.currentStates.join('", "')}"`
        : '';
  const started = `Started ${ago(details.startedAt, now)}${details.startedBy ? ` by ${details.startedBy}` : ''}`;
  const ended = details.stoppedAt ? `, ended ${ago(details.stoppedAt, now)}` : '';
  const failure = details.error ? ` Error: ${details.error}${details.cause ? ` (${details.cause.slice(0, 160)})` : ''}.` : '';
  const decidable = details.status === 'WAITING_FOR_APPROVAL' ? await decidableApprovals(turn, details.runId) : [];
  const stoppable =
    (details.status === 'RUNNING' || details.status === 'WAITING_FOR_APPROVAL') && checkAccess(caller, 'stop', run.entry.access).allowed;
  return close(event, 'Fulfilled', {
    text: `${details.runId} (${details.workflow}) ${details.status === 'RUNNING' || details.status === 'WAITING_FOR_APPROVAL' ? 'is' : 'has'} ${statusWords(details.status)}${where}. ${started}${ended}.${failure}`,
    title: 'Next',
    buttons: [
      ...(decidable.length > 0
        ? [
            { text: 'Approve', value: `approve ${details.runId}` },
            { text: 'Reject', value: `reject ${details.runId}` },
          ]
        : []),
      ...(stoppable ? [{ text: 'Stop', value: `stop ${details.runId}` }] : []),
    ],
  });
};
