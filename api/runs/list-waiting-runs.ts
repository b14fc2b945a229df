/**
 * `GET /api/runs?status=WAITING_FOR_APPROVAL`: the runs of the pending approvals, newest request
 * first, one row per run. A record can outlive its wait (a run stopped while it waited keeps a
 * pending record), so each row is checked with DescribeExecution and shown only while it runs.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ApprovalStore } from '../approvals/approval-store';
import { listApprovals } from '../approvals/list-approvals';
import { executionArn, type CatalogueEntry } from '../catalogue/workflow-catalogue';
import { describeExecution } from './find-run';
import type { ListRunsOptions } from './list-runs';
import { decodeCursorOf, encodeRunCursor } from './run-cursor';
import { runSummary, type RunPage, type RunSummary } from './run-summary';

export async function listWaitingRuns(
  { sfn, approvals, now }: { sfn: SFNClient; approvals: ApprovalStore; now: number },
  entries: readonly CatalogueEntry[],
  options: Pick<ListRunsOptions, 'limit' | 'cursor'>,
): Promise<RunPage> {
  const offset = options.cursor === undefined ? 0 : decodeCursorOf(options.cursor, 'waitingOffset').waitingOffset;
  const candidates = new Map<string, CatalogueEntry>();
  for (const approval of await listApprovals(approvals, { status: 'pending' }, now)) {
    const entry = entries.find((candidate) => executionArn(candidate, approval.runId) === approval.executionArn);
    if (entry && !candidates.has(approval.executionArn)) candidates.set(approval.executionArn, entry);
  }
  const page = [...candidates].slice(offset, offset + options.limit);
  const described = await Promise.all(page.map(([arn, entry]) => waitingRun(sfn, entry, arn)));
  const runs = described.filter((run): run is RunSummary => run !== undefined);
  const next = offset + options.limit;
  return next < candidates.size ? { runs, cursor: encodeRunCursor({ waitingOffset: next }) } : { runs };
}

/** The run as a WAITING_FOR_APPROVAL row, or undefined once it no longer runs. */
async function waitingRun(sfn: SFNClient, entry: CatalogueEntry, arn: string): Promise<RunSummary | undefined> {
  const execution = await describeExecution(sfn, arn);
  return execution?.status === 'RUNNING' ? { ...runSummary(entry, execution), status: 'WAITING_FOR_APPROVAL' } : undefined;
}
