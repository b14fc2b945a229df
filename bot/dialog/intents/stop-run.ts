/** StopRun: stops a running run the caller may operate (no confirmation: only starts are confirmed). */
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { checkAccess } from '../../../api/access/access-rule';
import { callSfn } from '../../../api/runs/map-sfn-error';
import { statusWords } from '../../../api/runs/status-words';
import { close, delegate, elicitSlot } from '../lex-replies';
import { readableRun, runNotFoundWords } from '../readable-run';
import { filledRunId, RUN_ID_SLOT, resolveRunReference, runChoices } from '../run-reference';
import type { IntentHandler } from '../dialog-turn';

/** Answers StopRun: checks on the dialog turn, stops on fulfilment. */
export const stopRun: IntentHandler = async (turn) => {
  const { event, caller, deps } = turn;
  const reference = await resolveRunReference(turn);
  if ('failure' in reference) return close(event, 'Failed', { text: reference.failure });
  if ('ask' in reference)
    return elicitSlot(event, RUN_ID_SLOT, {
      text: 'Which run should I stop? Give me its id, like r-93e7aa.',
      buttons: runChoices(reference.ask),
    });
  const run = await readableRun(turn, reference.runId);
  if (!run) return close(event, 'Failed', { text: runNotFoundWords(reference.runId) });
  const runId = reference.runId;
  turn.focus(runId);
  const verdict = checkAccess(caller, 'stop', run.entry.access);
  if (!verdict.allowed) return close(event, 'Failed', { text: `You can't stop ${runId}: ${verdict.reason}.` });
  if (run.execution.status !== 'RUNNING')
    return close(event, 'Failed', {
      text: `${runId} (${run.entry.name}) has already ${statusWords(run.execution.status ?? '')}; only running runs can be stopped.`,
    });
  if (!turn.fulfilling) return delegate(event, filledRunId(turn, runId));
  await callSfn(() =>
    deps.lookup.sfn.send(
      new StopExecutionCommand({ executionArn: run.execution.executionArn, cause: `Stopped by ${caller.user} from the chat` }),
    ),
  );
  return close(event, 'Fulfilled', { text: `Stopped ${runId} (${run.entry.name}).` });
};
