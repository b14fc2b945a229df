/** The runs routes: list, describe, history (without task tokens), stop; each run passes the one access rule. */
import { GetExecutionHistoryCommand, RedriveExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { Router } from 'express';
import { z } from 'zod';
import { checkAccess, type AccessAction } from '../access/access-rule';
import { enforceAccess } from '../access/enforce-access';
import { systemApprovalClock, type ApprovalClock } from '../approvals/approval-clock';
import type { ApprovalStore } from '../approvals/approval-store';
import { isExpired } from '../approvals/public-approval';
import { workflowNotFound, type CatalogueEntry } from '../catalogue/workflow-catalogue';
import { HttpError, type Caller } from '../errors';
import { callerOf } from '../middleware/caller-of';
import { parseQuery } from '../middleware/parse-query';
import { describeRun } from '../runs/describe-run';
import { findRun, runNotFound, type FoundRun, type RunLookup } from '../runs/find-run';
import { listRuns } from '../runs/list-runs';
import { callSfn } from '../runs/map-sfn-error';
import { pendingApprovalsOf } from '../runs/pending-approvals-of';
import { historyQuery, listRunsQuery, redriveRunBody, stopRunBody } from '../runs/run-schemas';
import { RunSnapshots, type RunSnapshot } from '../runs/run-snapshots';
import { toApiEvent } from '../runs/to-api-event';

/** What the runs routes need; with `approvals`, a run's details list its pending approvals. */
export type RunsRouterDeps = RunLookup & { approvals?: ApprovalStore; clock?: ApprovalClock; snapshots?: RunSnapshots };

const noQuery = z.strictObject({});
/** The statuses Step Functions redrives from. */
const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** `GET /api/runs`, `GET /api/runs/:runId`, `GET /api/runs/:runId/history`, `POST /api/runs/:runId/stop`, `POST /api/runs/:runId/redrive`. */
export function runsRouter(deps: RunsRouterDeps): Router {
  const { sfn, catalogue, approvals, clock = systemApprovalClock, snapshots = new RunSnapshots({ tracksChanges: false }) } = deps;
  const router = Router();
  const describe = async (runId: string): Promise<RunSnapshot> => {
    const details = await describeRun(sfn, await findRun(deps, runId));
    return { details, pendingApprovals: approvals ? await pendingApprovalsOf(approvals, details, clock) : [] };
  };
  /** The run, if the caller may do `action` with it: 404 when they may not even read it. */
  const permitted = async (caller: Caller, runId: string, action: AccessAction): Promise<FoundRun> => {
    const run = await findRun(deps, runId);
    enforceAccess(checkAccess(caller, action, run.entry.access), () => runNotFound(runId), { runId });
    return run;
  };

  router.get('/api/runs', async (req, res) => {
    const caller = callerOf(res);
    const query = parseQuery(listRunsQuery, req.query);
    const readable = (entry: CatalogueEntry) => checkAccess(caller, 'read', entry.access).allowed;
    let entries = catalogue.entries.filter(readable);
    if (query.workflow !== undefined) {
      const entry = catalogue.get(query.workflow);
      if (!readable(entry)) throw workflowNotFound(query.workflow);
      entries = [entry];
    }
    res.json(await listRuns({ sfn, approvals, now: clock.now() }, entries, query));
  });
  router.get('/api/runs/:runId', async (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const runId = String(req.params.runId);
    const { details, pendingApprovals } = await snapshots.read(runId, () => describe(runId));
    enforceAccess(checkAccess(caller, 'read', catalogue.accessOf(details.workflow)), () => runNotFound(runId), { runId });
    const now = clock.now();
    res.json({ ...details, pendingApprovals: pendingApprovals.filter((approval) => !isExpired(approval, now)) });
  });
  router.get('/api/runs/:runId/history', async (req, res) => {
    const query = parseQuery(historyQuery, req.query);
    const { execution } = await permitted(callerOf(res), String(req.params.runId), 'read');
    const page = await callSfn(() =>
      sfn.send(new GetExecutionHistoryCommand({ executionArn: execution.executionArn, maxResults: query.limit, nextToken: query.cursor })),
    ).catch((error: unknown) => {
      // A nextToken Step Functions refuses is the caller's cursor.
      throw query.cursor !== undefined && error instanceof HttpError && error.status === 400
        ? new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned')
        : error;
    });
    res.json({ events: (page.events ?? []).map(toApiEvent), ...(page.nextToken ? { cursor: page.nextToken } : {}) });
  });
  router.post('/api/runs/:runId/stop', async (req, res) => {
    parseQuery(noQuery, req.query);
    const { reason } = stopRunBody.parse(req.body ?? {});
    const { entry, execution } = await permitted(callerOf(res), String(req.params.runId), 'stop');
    if (execution.status !== 'RUNNING') {
      throw new HttpError(409, 'run-not-running', `run '${execution.name}' is ${execution.status}, not running`, {
        runId: execution.name,
        runStatus: execution.status,
      });
    }
    const stopped = await callSfn(() => sfn.send(new StopExecutionCommand({ executionArn: execution.executionArn, cause: reason })));
    res.json({ runId: execution.name, workflow: entry.name, status: 'ABORTED', stoppedAt: (stopped.stopDate ?? new Date()).toISOString() });
  });
  // Redrive restarts a failed, timed-out or stopped run from where it ended (Step Functions keeps what succeeded): operating it needs the right to start.
  router.post('/api/runs/:runId/redrive', async (req, res) => {
    parseQuery(noQuery, req.query);
    redriveRunBody.parse(req.body ?? {});
    const { entry, execution } = await permitted(callerOf(res), String(req.params.runId), 'start');
    if (!REDRIVABLE.has(execution.status ?? '')) {
      throw new HttpError(
        409,
        'run-not-redrivable',
        `run '${execution.name}' is ${execution.status}; only failed, timed-out or stopped runs can be redriven`,
        { runId: execution.name, runStatus: execution.status },
      );
    }
    const redriven = await callSfn(() => sfn.send(new RedriveExecutionCommand({ executionArn: execution.executionArn })));
    snapshots.changed(execution.executionArn ?? '');
    res.json({
      runId: execution.name,
      workflow: entry.name,
      status: 'RUNNING',
      redrivenAt: (redriven.redriveDate ?? new Date()).toISOString(),
    });
  });
  return router;
}
