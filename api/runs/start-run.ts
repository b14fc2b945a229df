/**
 * Starts a run, the one start path of every channel: check the caller may start the workflow,
 * claim the run id in the ledger (conditional put, with the verified caller as starter), then
 * StartExecution; a failed start gives the claim back. The run id is the execution name (`r-` + 6
 * hex by default). Repeating a start with the same id and input returns the existing run; the same
 * id with another input or workflow is a 409.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { checkAccess } from '../access/access-rule';
import { enforceAccess } from '../access/enforce-access';
import { executionArn, workflowNotFound, type CatalogueEntry } from '../catalogue/workflow-catalogue';
import { HttpError, type Caller } from '../errors';
import type { LedgerEntry, RunChannel } from '../ledger/ledger-entry';
import { describeExecution, rememberRun, type RunLookup } from './find-run';
import { callSfn } from './map-sfn-error';

/** The largest execution input Step Functions accepts, in bytes. */
export const MAX_INPUT_BYTES = 256 * 1024;

/** The body of a start response. */
export type StartedRun = {
  runId: string;
  workflow: string;
  status: string;
  executionArn: string;
  startedAt: string;
  startedBy: string;
  channel: RunChannel;
};

/** Whether the run was created now (201) or already existed with the same input (200). */
export type StartOutcome = { created: boolean; run: StartedRun };

/** What to start and who starts it. */
export type StartRequest = { input?: unknown; runId?: string; caller: Caller; channel: RunChannel };

/** Tries before giving up on finding a free generated id (with 16.7 million ids, a second try is already rare). */
const GENERATED_ID_ATTEMPTS = 5;

/** Starts `entry` with `input` (default `{}`) under `runId` (default: a fresh generated one). */
export async function startRun(
  lookup: RunLookup,
  entry: CatalogueEntry,
  { input = {}, runId, caller, channel }: StartRequest,
): Promise<StartOutcome> {
  enforceAccess(checkAccess(caller, 'start', entry.access), () => workflowNotFound(entry.name), { workflow: entry.name });
  const text = JSON.stringify(input);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_INPUT_BYTES)
    throw new HttpError(413, 'input-too-large', `the input is ${bytes} bytes; Step Functions accepts at most ${MAX_INPUT_BYTES}`, {
      limit: MAX_INPUT_BYTES,
    });
  const claim = await claimRunId(lookup, entry, runId, { startedBy: caller.user, channel });
  if ('existing' in claim) return { created: false, run: await sameRunOrConflict(lookup, claim.existing, entry, input) };
  const ledger = claim.claimed;
  try {
    const started = await callSfn(() =>
      lookup.sfn.send(new StartExecutionCommand({ stateMachineArn: entry.stateMachineArn, name: ledger.runId, input: text })),
    );
    rememberRun(lookup.catalogue, ledger.runId, { entry, ledger });
    return {
      created: true,
      run: startedRun(ledger, started.executionArn ?? ledger.executionArn, 'RUNNING', started.startDate ?? new Date(ledger.startedAt)),
    };
  } catch (error) {
    await lookup.ledger.release(ledger);
    throw error;
  }
}

/** Claims `runId` (or a generated id) for this start; an id held by another start returns that start's item. */
async function claimRunId(
  { ledger }: RunLookup,
  entry: CatalogueEntry,
  runId: string | undefined,
  who: Pick<LedgerEntry, 'startedBy' | 'channel'>,
): Promise<{ claimed: LedgerEntry } | { existing: LedgerEntry }> {
  const attempts = runId === undefined ? GENERATED_ID_ATTEMPTS : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const name = runId ?? `r-${randomBytes(3).toString('hex')}`;
    const item: LedgerEntry = {
      runId: name,
      workflow: entry.name,
      executionArn: executionArn(entry, name),
      ...who,
      startedAt: new Date().toISOString(),
    };
    const claim = await ledger.claim(item);
    if (claim.claimed) return { claimed: item };
    if (runId !== undefined && claim.existing) return { existing: claim.existing };
  }
  throw new HttpError(503, 'run-ids-exhausted', `no free run id after ${GENERATED_ID_ATTEMPTS} tries; pass your own runId`);
}

/** The run already holding the id, when it is this workflow with this input; 409 otherwise. */
async function sameRunOrConflict(lookup: RunLookup, existing: LedgerEntry, entry: CatalogueEntry, input: unknown): Promise<StartedRun> {
  const { runId } = existing;
  if (existing.workflow !== entry.name) {
    throw new HttpError(409, 'run-already-exists', `run '${runId}' already exists in workflow '${existing.workflow}'`, {
      runId,
      workflow: existing.workflow,
    });
  }
  const execution = await describeExecution(lookup.sfn, existing.executionArn);
  if (!execution)
    throw new HttpError(409, 'run-starting', `run '${runId}' is being started by another request; try again`, {
      runId,
      workflow: entry.name,
    });
  if (!isDeepStrictEqual(parse(execution.input), input)) {
    throw new HttpError(409, 'run-already-exists', `run '${runId}' already exists with a different input`, { runId, workflow: entry.name });
  }
  return startedRun(existing, existing.executionArn, execution.status ?? 'RUNNING', execution.startDate ?? new Date(existing.startedAt));
}

function startedRun(ledger: LedgerEntry, arn: string, status: string, startDate: Date): StartedRun {
  return {
    runId: ledger.runId,
    workflow: ledger.workflow,
    status,
    executionArn: arn,
    startedAt: startDate.toISOString(),
    startedBy: ledger.startedBy,
    channel: ledger.channel,
  };
}

function parse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return text;
  }
}
