/**
 * Finds a run by id (the execution name). A run started through Statecraft is found through the
 * run ledger: one read, then one DescribeExecution. A run started outside Statecraft (the AWS CLI,
 * the AWS console) has no ledger item and is looked for in every workflow at once.
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist, type DescribeExecutionCommandOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { executionArn, type CatalogueEntry, type WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { RunLedger } from '../ledger/run-ledger';
import { mapSfnError } from './map-sfn-error';
import { RUN_ID } from './run-schemas';

/** Where runs are looked up. */
export type RunLookup = { sfn: SFNClient; catalogue: WorkflowCatalogue; ledger: RunLedger };

/** A described execution, the workflow it belongs to, and its ledger item (none for runs started outside Statecraft). */
export type FoundRun = { entry: CatalogueEntry; execution: DescribeExecutionCommandOutput; ledger?: LedgerEntry };

/** How many runs each catalogue remembers the workflow and ledger item of (neither ever changes). */
const REMEMBERED_RUNS = 10_000;
type Remembered = { entry: CatalogueEntry; ledger?: LedgerEntry };
const rememberedRuns = new WeakMap<WorkflowCatalogue, Map<string, Remembered>>();

/** Remembers which workflow a run belongs to (and its ledger item), so polling it costs one DescribeExecution. */
export function rememberRun(catalogue: WorkflowCatalogue, runId: string, remembered: Remembered): void {
  let known = rememberedRuns.get(catalogue);
  if (!known) rememberedRuns.set(catalogue, (known = new Map<string, Remembered>()));
  known.delete(runId);
  known.set(runId, remembered);
  if (known.size > REMEMBERED_RUNS) known.delete(known.keys().next().value as string);
}

/** Throws 400 unless `runId` is a well-formed run id. */
export function checkRunId(runId: string): void {
  if (!RUN_ID.test(runId))
    throw new HttpError(400, 'invalid-run-id', 'run ids are 1 to 80 letters, digits, - or _', { runId: runId.slice(0, 100) });
}

/** The run, or undefined; a malformed id is a 400. Remembered runs first, then the ledger, then every workflow. */
export async function lookUpRun({ sfn, catalogue, ledger }: RunLookup, runId: string): Promise<FoundRun | undefined> {
  checkRunId(runId);
  const remembered = rememberedRuns.get(catalogue)?.get(runId);
  if (remembered) {
    const execution = await describeExecution(sfn, executionArn(remembered.entry, runId));
    if (execution) return { ...remembered, execution };
  }
  const item = await ledger.get(runId);
  if (item) {
    const entry = catalogue.find(item.workflow);
    const execution = entry && (await describeExecution(sfn, item.executionArn));
    if (!entry || !execution) return undefined;
    rememberRun(catalogue, runId, { entry, ledger: item });
    return { entry, execution, ledger: item };
  }
  const found = await describeIn(sfn, catalogue.entries, runId);
  if (found) rememberRun(catalogue, runId, { entry: found.entry });
  return found;
}

async function describeIn(sfn: SFNClient, entries: readonly CatalogueEntry[], runId: string): Promise<FoundRun | undefined> {
  const found = await Promise.all(
    entries.map(async (entry) => {
      const execution = await describeExecution(sfn, executionArn(entry, runId));
      return execution && { entry, execution };
    }),
  );
  return found.find((run) => run !== undefined);
}

/** DescribeExecution, or undefined when the execution does not exist (other Step Functions errors as HTTP problems). */
export async function describeExecution(sfn: SFNClient, arn: string): Promise<DescribeExecutionCommandOutput | undefined> {
  try {
    return await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw mapSfnError(error);
  }
}

/** The run, or a 404 `run-not-found`. */
export async function findRun(lookup: RunLookup, runId: string): Promise<FoundRun> {
  const run = await lookUpRun(lookup, runId);
  if (!run) throw runNotFound(runId);
  return run;
}

/** The 404 of a run that does not exist (or that the caller may not know of). */
export function runNotFound(runId: string): HttpError {
  return new HttpError(404, 'run-not-found', `no run with id '${runId}'`, { runId });
}
