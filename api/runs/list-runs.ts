/** `GET /api/runs`: ListExecutions over the catalogue's state machines in catalogue order, newest first within each. */
import { ListExecutionsCommand, type ExecutionListItem, type SFNClient } from '@aws-sdk/client-sfn';
import type { CatalogueEntry, WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import { callSfn } from './map-sfn-error';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';
import type { RUN_STATUSES } from './run-schemas';

/** One row of the listing. */
export type RunSummary = { runId: string; workflow: string; executionArn: string; status: string; startedAt: string; stoppedAt?: string };

export type ListRunsOptions = { workflow?: string; status?: (typeof RUN_STATUSES)[number]; limit: number; cursor?: string };

/** A page of runs and the cursor of the next one. */
export async function listRuns(sfn: SFNClient, catalogue: WorkflowCatalogue, options: ListRunsOptions): Promise<{ runs: RunSummary[]; cursor?: string }> {
  const entries: readonly CatalogueEntry[] = options.workflow === undefined ? catalogue.entries : [catalogue.get(options.workflow)];
  const position = options.cursor === undefined ? { workflow: entries[0]?.name ?? '', nextToken: undefined } : decodeRunCursor(options.cursor);
  let index = entries.findIndex((entry) => entry.name === position.workflow);
  if (index < 0) throw new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned');
  let nextToken = position.nextToken;
  const runs: RunSummary[] = [];
  while (index < entries.length) {
    const entry = entries[index];
    const page = await callSfn(() =>
      sfn.send(new ListExecutionsCommand({ stateMachineArn: entry.stateMachineArn, statusFilter: options.status, maxResults: options.limit - runs.length, nextToken })),
    );
    runs.push(...(page.executions ?? []).map((item) => summary(entry, item)));
    nextToken = page.nextToken;
    if (!nextToken) index += 1;
    if (runs.length >= options.limit) break;
  }
  const more = index < entries.length;
  return more ? { runs, cursor: encodeRunCursor({ workflow: entries[index].name, nextToken }) } : { runs };
}

function summary(entry: CatalogueEntry, item: ExecutionListItem): RunSummary {
  return {
    runId: item.name ?? '',
    workflow: entry.name,
    executionArn: item.executionArn ?? '',
    status: item.status ?? 'RUNNING',
    startedAt: (item.startDate ?? new Date(0)).toISOString(),
    ...(item.stopDate ? { stoppedAt: item.stopDate.toISOString() } : {}),
  };
}
