/**
 * `GET /api/runs?status=WAITING_FOR_APPROVAL`: the runs of the pending approvals, newest request
 * first, one row per run. A record can outlive its wait (a run stopped while it waited keeps a
 * pending record), so each row is checked with DescribeExecution and shown only while it runs.
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist, type SFNClient } from '@aws-sdk/client-sfn';
import type { ApprovalStore } from '../approvals/approval-store';
import { listApprovals } from '../approvals/list-approvals';
import { executionArn, type CatalogueEntry } from '../catalogue/workflow-catalogue';
import type { ListRunsOptions, RunPage, RunSummary } from './list-runs';
import { runSummary } from './list-runs';
import { callSfn } from './map-sfn-error';
import { decodeCursorOf, encodeRunCursor } from './run-cursor';

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
  try {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    return execution.status === 'RUNNING' ? { ...runSummary(entry, execution), status: 'WAITING_FOR_APPROVAL' } : undefined;
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    return callSfn(() => Promise.reject(error));
  }
}
