/** A run the caller may read, found through the same lookup as the API; anything else reads as "not found". */
import { checkAccess } from '../../api/access/access-rule';
import { HttpError } from '../../api/errors';
import { lookUpRun, type FoundRun } from '../../api/runs/find-run';
import type { DialogTurn } from './dialog-turn';

/** The run, or undefined when it does not exist, its id is malformed, or the caller may not read it. */
export async function readableRun({ caller, deps }: DialogTurn, runId: string): Promise<FoundRun | undefined> {
  try {
    const run = await lookUpRun(deps.lookup, runId);
    return run && checkAccess(caller, 'read', run.entry.access).allowed ? run : undefined;
  } catch (error) {
    if (error instanceof HttpError && error.code === 'invalid-run-id') return undefined;
    throw error;
  }
}

/** "I can't find run r-000000." (the same words whether it is missing or hidden from the caller). */
export const runNotFoundWords = (runId: string) =>
  `I can't find run ${runId}. Run ids look like r-7f3a9c; "list pending approvals" shows the runs waiting for you.`;
