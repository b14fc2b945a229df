/**
 * `GET /api/runs`: ListExecutions over the catalogue's state machines in catalogue order, newest
 * first within each. Running runs with a pending approval read WAITING_FOR_APPROVAL, so they are
 * left out of a RUNNING listing and listed on their own (list-waiting-runs.ts).
 */
import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { ApprovalStore } from '../approvals/approval-store';
import { listApprovals } from '../approvals/list-approvals';
import type { CatalogueEntry } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import { listWaitingRuns } from './list-waiting-runs';
import { callSfn } from './map-sfn-error';
import { decodeCursorOf, encodeRunCursor } from './run-cursor';
import type { RUN_STATUSES } from './run-schemas';
import { runSummary, type RunPage, type RunSummary } from './run-summary';

export type ListRunsOptions = { workflow?: string; status?: (typeof RUN_STATUSES)[number]; limit: number; cursor?: string };

/** What a listing reads: executions from Step Functions, pending approvals (when kept) at `now`. */
export type ListRunsDeps = { sfn: SFNClient; approvals?: ApprovalStore; now: number };

/** A page of the runs of `entries` (the workflows the caller may read, or the one asked for). */
export async function listRuns(deps: ListRunsDeps, entries: readonly CatalogueEntry[], options: ListRunsOptions): Promise<RunPage> {
  const { sfn } = deps;
  if (entries.length === 0) return { runs: [] };
  if (options.status === 'WAITING_FOR_APPROVAL')
    return deps.approvals ? listWaitingRuns({ ...deps, approvals: deps.approvals }, entries, options) : { runs: [] };
  const statusFilter = options.status;
  const position =
    options.cursor === undefined ? { workflow: entries[0]?.name ?? '', nextToken: undefined } : decodeCursorOf(options.cursor, 'workflow');
  let index = entries.findIndex((entry) => entry.name === position.workflow);
  if (index < 0) throw new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned');
  let nextToken = position.nextToken;
  const runs: RunSummary[] = [];
  while (index < entries.length) {
    const entry = entries[index];
    const page = await callSfn(() =>
      sfn.send(
        new ListExecutionsCommand({
          stateMachineArn: entry.stateMachineArn,
          statusFilter,
          maxResults: options.limit - runs.length,
          nextToken,
        }),
      ),
    );
    runs.push(...(page.executions ?? []).map((item) => runSummary(entry, item)));
    nextToken = page.nextToken;
    if (!nextToken) index += 1;
    if (runs.length >= options.limit) break;
  }
  const shown = await markWaiting(deps, runs);
  const listed = options.status === 'RUNNING' ? shown.filter((run) => run.status === 'RUNNING') : shown;
  const more = index < entries.length;
  return more ? { runs: listed, cursor: encodeRunCursor({ workflow: entries[index].name, nextToken }) } : { runs: listed };
}

/** The runs, with those that wait on a pending approval marked WAITING_FOR_APPROVAL (one approvals read, only when some run is running). */
async function markWaiting({ approvals, now }: ListRunsDeps, runs: RunSummary[]): Promise<RunSummary[]> {
  if (!approvals || !runs.some((run) => run.status === 'RUNNING')) return runs;
  const waiting = new Set((await listApprovals(approvals, { status: 'pending' }, now)).map((approval) => approval.executionArn));
  return runs.map((run) => (run.status === 'RUNNING' && waiting.has(run.executionArn) ? { ...run, status: 'WAITING_FOR_APPROVAL' } : run));
}
