/**
 * Which run a turn means: the id the user gave, "latest" (the caller's most recent run, from the
 * run ledger), or, with no id, the run the conversation last talked about, else the caller's only
 * pending approval. Otherwise the user is asked, with the pending approvals as choices.
 */
import type { PublicApproval } from '../../api/approvals/public-approval';
import { decidableApprovals } from './decidable-approvals';
import type { DialogTurn } from './dialog-turn';

/** The slot holding the run reference. */
export const RUN_ID_SLOT = 'RunId';
/** The value the bot resolves "latest", "last one", "most recent" to. */
export const LATEST_RUN = 'latest';

/** A run id; the user's words to resolve it, none to ask; or a sentence saying why there is none. */
export type RunReference = { runId: string } | { ask: readonly PublicApproval[] } | { failure: string };

/** Resolves the turn's run reference. */
export async function resolveRunReference(turn: DialogTurn): Promise<RunReference> {
  const said = turn.slot(RUN_ID_SLOT)?.toLowerCase();
  if (said === LATEST_RUN) {
    const [latest] = await turn.deps.lookup.ledger.startedBy(turn.caller.user, 1);
    return latest ? { runId: latest.runId } : { failure: "You haven't started any run yet, so there is no latest one." };
  }
  if (said) return { runId: said };
  const inFocus = await turn.runInFocus();
  if (inFocus) return { runId: inFocus };
  const pending = await decidableApprovals(turn);
  return pending.length === 1 ? { runId: pending[0].runId } : { ask: pending };
}

/** Slot changes that fill RunId with the run resolved from context, so Lex does not ask for it; what the user said is kept. */
export function filledRunId(turn: DialogTurn, runId: string): Record<string, string> {
  return turn.slot(RUN_ID_SLOT) ? {} : { [RUN_ID_SLOT]: runId };
}

/** Buttons for runs to choose from. */
export function runChoices(approvals: readonly PublicApproval[]): { text: string; value: string }[] {
  return approvals.map((approval) => ({ text: `${approval.runId} ${approval.workflow}`, value: approval.runId }));
}
