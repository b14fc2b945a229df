/**
 * StartWorkflow: ask which workflow (naming those the caller may start), always confirm with the
 * input it will use, then start through the API's one start path (access, ledger, channel `chat`).
 */
import { checkAccess } from '../../../api/access/access-rule';
import type { CatalogueEntry } from '../../../api/catalogue/workflow-catalogue';
import { startRun } from '../../../api/runs/start-run';
import { failureWords } from '../chat-wording';
import { close, confirmIntent, delegate, elicitSlot } from '../lex-replies';
import { parseRunInput } from '../run-input';
import { keptUtteranceSlots, utteranceSlot } from '../utterance-slot';
import type { DialogTurn, IntentHandler } from '../dialog-turn';

const WORKFLOW_SLOT = 'WorkflowName';
const INPUT_SLOT = 'RunInput' as const;
/** The longest input shown in a confirmation. */
const SHOWN_INPUT_CHARACTERS = 300;

/** Answers StartWorkflow. */
export const startWorkflow: IntentHandler = async (turn) => {
  const { event, caller, deps } = turn;
  const entries = deps.lookup.catalogue.entries;
  const startable = entries.filter((entry) => checkAccess(caller, 'start', entry.access).allowed);
  if (startable.length === 0)
    return close(event, 'Failed', {
      text: "You can't start workflows: that needs the operators or admins group (or a workflow's own operators).",
    });
  const name = turn.slot(WORKFLOW_SLOT);
  const entry =
    name === undefined
      ? undefined
      : entries.find((candidate) => candidate.name === name && checkAccess(caller, 'read', candidate.access).allowed);
  if (!entry) return askWhich(turn, startable, name ?? unknownName(event.inputTranscript));
  const verdict = checkAccess(caller, 'start', entry.access);
  if (!verdict.allowed) return close(event, 'Failed', { text: `You can't start ${entry.name}: ${verdict.reason}.` });
  const parsed = parseRunInput(utteranceSlot(turn, INPUT_SLOT), entry.example);
  if ('error' in parsed)
    return close(event, 'Failed', {
      text: `I couldn't read that input: ${parsed.error}. Give JSON like {"key": "value"} or key=value pairs.`,
    });
  const confirmation = event.sessionState.intent.confirmationState ?? 'None';
  if (confirmation === 'Denied') return close(event, 'Failed', { text: `OK, I won't start ${entry.name}.` });
  if (confirmation === 'None')
    return confirmIntent(event, `Start ${entry.name} with this input?\n${shown(parsed.input)}`, keptUtteranceSlots(turn, [INPUT_SLOT]));
  if (!turn.fulfilling) return delegate(event);
  try {
    const { run } = await startRun(deps.lookup, entry, { input: parsed.input, caller, channel: 'chat' });
    turn.focus(run.runId);
    return close(event, 'Fulfilled', {
      text: `Started ${entry.name} as ${run.runId}.`,
      title: 'Next',
      buttons: [{ text: `Status of ${run.runId}`, value: `status of ${run.runId}` }],
    });
  } catch (error) {
    return close(event, 'Failed', { text: failureWords(error, entry.name) });
  }
};

/** Elicits the workflow name, saying which name was not understood and listing the caller's choices. */
function askWhich({ event }: DialogTurn, startable: readonly CatalogueEntry[], unknown: string | undefined) {
  const names = startable.map((entry) => entry.name);
  const lead = unknown ? `I don't know a workflow called "${unknown}".` : 'Which workflow?';
  return elicitSlot(
    event,
    WORKFLOW_SLOT,
    {
      text: `${lead} You can start: ${names.join(', ')}.`,
      title: 'Workflows',
      buttons: names.map((name) => ({ text: name, value: name })),
    },
    { [WORKFLOW_SLOT]: null },
  );
}

/** Generic words that name no workflow ("start a workflow", "kick off a job"). */
const GENERIC = /^(a|an|the|one|some|new|my|another|something|workflow|workflows|job|jobs|run|runs|flow|it|pls|please|for me|now|\s)+$/;

/** The name the user seems to have asked for, when it is not in the catalogue ("start the payroll workflow" → payroll). */
function unknownName(transcript: string): string | undefined {
  const match =
    /\b(?:start|run|launch|trigger|kick off|begin|execute|spin up)\s+(?:the\s+|a\s+|an\s+)?(.+?)(?:\s+(?:workflow|job|flow|run|process))?[\s.!?]*$/i.exec(
      transcript.trim(),
    );
  const candidate = match?.[1].trim().toLowerCase();
  return candidate && !GENERIC.test(candidate) && candidate.length <= 40 ? candidate : undefined;
}

function shown(input: unknown): string {
  const text = JSON.stringify(input);
  return text.length <= SHOWN_INPUT_CHARACTERS ? text : `${text.slice(0, SHOWN_INPUT_CHARACTERS)}… (${text.length} characters)`;
}
