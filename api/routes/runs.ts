/** The runs routes: list, describe, history (without task tokens), stop. */
import { GetExecutionHistoryCommand, StopExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { Router } from 'express';
import { systemApprovalClock, type ApprovalClock } from '../approvals/approval-clock';
import type { ApprovalStore } from '../approvals/approval-store';
import { isExpired } from '../approvals/public-approval';
import type { WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { HttpError } from '../errors';
import { authorize } from '../middleware/authorize';
import { describeRun } from '../runs/describe-run';
import { findRun } from '../runs/find-run';
import { listRuns } from '../runs/list-runs';
import { pendingApprovalsOf } from '../runs/pending-approvals-of';
import { RunSnapshots, type RunSnapshot } from '../runs/run-snapshots';
import { callSfn } from '../runs/map-sfn-error';
import { historyQuery, listRunsQuery, stopRunBody } from '../runs/run-schemas';
import { toApiEvent } from '../runs/to-api-event';

/** What the runs routes need; with `approvals`, a run's details list its pending approvals. */
export type RunsRouterDeps = { sfn: SFNClient; catalogue: WorkflowCatalogue; approvals?: ApprovalStore; clock?: ApprovalClock; snapshots?: RunSnapshots };

/** `GET /api/runs`, `GET /api/runs/:runId`, `GET /api/runs/:runId/history`, `POST /api/runs/:runId/stop`. */
export function runsRouter({ sfn, catalogue, approvals, clock = systemApprovalClock, snapshots = new RunSnapshots({ tracksChanges: false }) }: RunsRouterDeps): Router {
  const router = Router();
  const describe = async (runId: string): Promise<RunSnapshot> => {
    const details = await describeRun(sfn, await findRun(sfn, catalogue, runId));
    return { details, pendingApprovals: approvals ? await pendingApprovalsOf(approvals, details, clock) : [] };
  };
  router.get('/api/runs', authorize('read'), async (req, res) => {
    res.json(await listRuns({ sfn, catalogue, approvals, now: clock.now() }, listRunsQuery.parse(req.query)));
  });
  router.get('/api/runs/:runId', authorize('read'), async (req, res) => {
    const runId = String(req.params.runId);
    const { details, pendingApprovals } = await snapshots.read(runId, () => describe(runId));
    const now = clock.now();
    res.json({ ...details, pendingApprovals: pendingApprovals.filter((approval) => !isExpired(approval, now)) });
  });
  router.get('/api/runs/:runId/history', authorize('read'), async (req, res) => {
    const query = historyQuery.parse(req.query);
    const { execution } = await findRun(sfn, catalogue, String(req.params.runId));
    const page = await callSfn(() => sfn.send(new GetExecutionHistoryCommand({ executionArn: execution.executionArn, maxResults: query.limit, nextToken: query.cursor }))).catch((error: unknown) => {
      // A nextToken Step Functions refuses is the caller's cursor.
      throw query.cursor !== undefined && error instanceof HttpError && error.status === 400 ? new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned') : error;
    });
    res.json({ events: (page.events ?? []).map(toApiEvent), ...(page.nextToken ? { cursor: page.nextToken } : {}) });
  });
  router.post('/api/runs/:runId/stop', authorize('operate'), async (req, res) => {
    const { reason } = stopRunBody.parse(req.body ?? {});
    const { entry, execution } = await findRun(sfn, catalogue, String(req.params.runId));
    if (execution.status !== 'RUNNING') {
      throw new HttpError(409, 'run-not-running', `run '${execution.name}' is ${execution.status}, not running`, { runId: execution.name, status: execution.status });
    }
    const stopped = await callSfn(() => sfn.send(new StopExecutionCommand({ executionArn: execution.executionArn, cause: reason })));
    res.json({ runId: execution.name, workflow: entry.name, status: 'ABORTED', stoppedAt: (stopped.stopDate ?? new Date()).toISOString() });
  });
  return router;
}
