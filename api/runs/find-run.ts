/** Finds a run by id across the catalogue's state machines (the run id is the execution name). */
import { DescribeExecutionCommand, ExecutionDoesNotExist, type DescribeExecutionCommandOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { executionArn, type CatalogueEntry, type WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import { callSfn } from './map-sfn-error';
import { RUN_ID } from './run-schemas';

/** A described execution and the workflow it belongs to. */
export type FoundRun = { entry: CatalogueEntry; execution: DescribeExecutionCommandOutput };

/** How many run id → workflow answers each catalogue remembers (a run never changes workflow). */
const REMEMBERED_RUNS = 10_000;
const knownWorkflows = new WeakMap<WorkflowCatalogue, Map<string, CatalogueEntry>>();

/** Remembers which workflow a run belongs to, so polling it costs one DescribeExecution, not one per workflow. */
export function rememberRun(catalogue: WorkflowCatalogue, runId: string, entry: CatalogueEntry): void {
  let known = knownWorkflows.get(catalogue);
  if (!known) knownWorkflows.set(catalogue, (known = new Map()));
  known.delete(runId);
  known.set(runId, entry);
  if (known.size > REMEMBERED_RUNS) known.delete(known.keys().next().value as string);
}

/** The run, or undefined; a malformed id is a 400. Looks in the remembered workflow, else in every workflow at once. */
export async function lookUpRun(sfn: SFNClient, catalogue: WorkflowCatalogue, runId: string): Promise<FoundRun | undefined> {
  if (!RUN_ID.test(runId)) throw new HttpError(400, 'invalid-run-id', 'run ids are 1 to 80 letters, digits, - or _', { runId: runId.slice(0, 100) });
  const remembered = knownWorkflows.get(catalogue)?.get(runId);
  const candidates = remembered ? [remembered] : catalogue.entries;
  const found = (await describeIn(sfn, candidates, runId)) ?? (remembered ? await describeIn(sfn, catalogue.entries, runId) : undefined);
  if (found) rememberRun(catalogue, runId, found.entry);
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
    return callSfn(() => Promise.reject(error));
  }
}

/** The run, or a 404 `run-not-found`. */
export async function findRun(sfn: SFNClient, catalogue: WorkflowCatalogue, runId: string): Promise<FoundRun> {
  const run = await lookUpRun(sfn, catalogue, runId);
  if (!run) throw new HttpError(404, 'run-not-found', `no run with id '${runId}'`, { runId });
  return run;
}
