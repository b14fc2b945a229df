/** A run as listings show it: one row of `GET /api/runs`. */
import type { ExecutionListItem } from '@aws-sdk/client-sfn';
import type { CatalogueEntry } from '../catalogue/workflow-catalogue';

/** One row of the listing. */
export type RunSummary = { runId: string; workflow: string; executionArn: string; status: string; startedAt: string; stoppedAt?: string };

/** A page of runs and the cursor of the next one. */
export type RunPage = { runs: RunSummary[]; cursor?: string };

/** A row from a ListExecutions or DescribeExecution answer. */
export function runSummary(
  entry: CatalogueEntry,
  item: Partial<Pick<ExecutionListItem, 'name' | 'executionArn' | 'status' | 'startDate' | 'stopDate'>>,
): RunSummary {
  return {
    runId: item.name ?? '',
    workflow: entry.name,
    executionArn: item.executionArn ?? '',
    status: item.status ?? 'RUNNING',
    startedAt: (item.startDate ?? new Date(0)).toISOString(),
    ...(item.stopDate ? { stoppedAt: item.stopDate.toISOString() } : {}),
  };
}
