/** The catalogue routes: list the workflows the caller may read, describe one, start a run of one. */
import { Router } from 'express';
import { z } from 'zod';
import { checkAccess } from '../access/access-rule';
import { enforceAccess } from '../access/enforce-access';
import { workflowNotFound, type CatalogueEntry } from '../catalogue/workflow-catalogue';
import { workflowSource } from '../catalogue/workflow-source';
import { HttpError, type Caller } from '../errors';
import { callerOf } from '../middleware/caller-of';
import { parseQuery } from '../middleware/parse-query';
import type { RunLookup } from '../runs/find-run';
import { startRunBody } from '../runs/run-schemas';
import { startRun } from '../runs/start-run';
import { channelOf } from './channel-of';

const noQuery = z.strictObject({});

/** `GET /api/workflows`, `GET /api/workflows/:name`, `GET /api/workflows/:name/source`, `POST /api/workflows/:name/runs`. */
export function workflowsRouter(lookup: RunLookup): Router {
  const { catalogue } = lookup;
  const router = Router();
  const readable = (caller: Caller, name: string): CatalogueEntry => {
    const entry = catalogue.get(name);
    enforceAccess(checkAccess(caller, 'read', entry.access), () => workflowNotFound(name));
    return entry;
  };
  const mayStart = (caller: Caller, entry: CatalogueEntry) => checkAccess(caller, 'start', entry.access).allowed;

  router.get('/api/workflows', (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const workflows = catalogue.entries
      .filter((entry) => checkAccess(caller, 'read', entry.access).allowed)
      .map((entry) => ({
        name: entry.name,
        description: entry.description,
        stateMachineArn: entry.stateMachineArn,
        mayStart: mayStart(caller, entry),
      }));
    res.json({ workflows });
  });
  router.get('/api/workflows/:name', (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const entry = readable(caller, String(req.params.name));
    const { name, description, example, definition, graph, stateMachineArn } = entry;
    const approvalSteps = entry.approvalSteps.map(({ stateName, approvers }) => ({ stateName, approvers }));
    res.json({
      name,
      description,
      inputExample: example,
      stateMachineArn,
      definition,
      graph,
      approvalSteps,
      mayStart: mayStart(caller, entry),
    });
  });
  router.get('/api/workflows/:name/source', async (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const entry = readable(caller, String(req.params.name));
    const source = await workflowSource(entry);
    if (!source)
      throw new HttpError(404, 'source-unavailable', `the DSL source of ${entry.name} is not part of this deployment`, {
        workflow: entry.name,
      });
    res.json({ workflow: entry.name, ...source });
  });
  router.post('/api/workflows/:name/runs', async (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const entry = catalogue.get(String(req.params.name));
    const body = startRunBody.parse(req.body ?? {});
    const { created, run } = await startRun(lookup, entry, { ...body, caller, channel: channelOf(req) });
    res
      .status(created ? 201 : 200)
      .location(`/api/runs/${run.runId}`)
      .json(run);
  });
  return router;
}
