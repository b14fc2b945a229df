/**
 * Starts a run: the run id is the execution name (`r-` + 6 hex by default, one no run uses yet).
 * Repeating a start with the same id and input returns the existing run; the same id with another
 * input is a 409.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { CatalogueEntry, WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import { lookUpRun, rememberRun, type FoundRun } from './find-run';
import { callSfn } from './map-sfn-error';

/** The largest execution input Step Functions accepts, in bytes. */
export const MAX_INPUT_BYTES = 256 * 1024;

/** The body of a start response. */
export type StartedRun = { runId: string; workflow: string; status: string; executionArn: string; startedAt: string };

/** Whether the run was created now (201) or already existed with the same input (200). */
export type StartOutcome = { created: boolean; run: StartedRun };

/** Starts `entry` with `input` (default `{}`) under `runId` (default random). */
export async function startRun(sfn: SFNClient, catalogue: WorkflowCatalogue, entry: CatalogueEntry, { input = {}, runId }: { input?: unknown; runId?: string }): Promise<StartOutcome> {
  const text = JSON.stringify(input);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_INPUT_BYTES) throw new HttpError(413, 'input-too-large', `the input is ${bytes} bytes; Step Functions accepts at most ${MAX_INPUT_BYTES}`, { limit: MAX_INPUT_BYTES });
  if (runId !== undefined) {
    const existing = await lookUpRun(sfn, catalogue, runId);
    if (existing) return { created: false, run: sameRunOrConflict(existing, entry, input) };
  }
  const name = runId ?? (await unusedRunId(sfn, catalogue));
  const started = await callSfn(() => sfn.send(new StartExecutionCommand({ stateMachineArn: entry.stateMachineArn, name, input: text })));
  rememberRun(catalogue, name, entry);
  return {
    created: true,
    run: { runId: name, workflow: entry.name, status: 'RUNNING', executionArn: started.executionArn ?? '', startedAt: (started.startDate ?? new Date()).toISOString() },
  };
}

/** Tries before giving up on finding a free generated id (with 16.7 million ids, a second try is already rare). */
const GENERATED_ID_ATTEMPTS = 5;

/**
 * A generated run id no run of any workflow has: run ids name a run across the catalogue, and
 * Step Functions would answer a reused name with the other run (same input) or a conflict.
 */
async function unusedRunId(sfn: SFNClient, catalogue: WorkflowCatalogue): Promise<string> {
  for (let attempt = 0; attempt < GENERATED_ID_ATTEMPTS; attempt++) {
    const candidate = `r-${randomBytes(3).toString('hex')}`;
    if (!(await lookUpRun(sfn, catalogue, candidate))) return candidate;
  }
  throw new HttpError(503, 'run-ids-exhausted', `no free run id after ${GENERATED_ID_ATTEMPTS} tries; pass your own runId`);
}

function sameRunOrConflict({ entry: existingEntry, execution }: FoundRun, entry: CatalogueEntry, input: unknown): StartedRun {
  const runId = execution.name ?? '';
  if (existingEntry.name !== entry.name) {
    throw new HttpError(409, 'run-already-exists', `run '${runId}' already exists in workflow '${existingEntry.name}'`, { runId, workflow: existingEntry.name });
  }
  if (!isDeepStrictEqual(parse(execution.input), input)) {
    throw new HttpError(409, 'run-already-exists', `run '${runId}' already exists with a different input`, { runId, workflow: entry.name });
  }
  return { runId, workflow: entry.name, status: execution.status ?? 'RUNNING', executionArn: execution.executionArn ?? '', startedAt: (execution.startDate ?? new Date(0)).toISOString() };
}

function parse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return text;
  }
}
