/** The catalogue routes: list workflows, describe one, start a run of one. */
import type { SFNClient } from '@aws-sdk/client-sfn';
import { Router } from 'express';
import type { WorkflowCatalogue } from '../catalogue/workflow-catalogue';
import { authorize } from '../middleware/authorize';
import { startRunBody } from '../runs/run-schemas';
import { startRun } from '../runs/start-run';

/** `GET /api/workflows`, `GET /api/workflows/:name`, `POST /api/workflows/:name/runs`. */
export function workflowsRouter({ sfn, catalogue }: { sfn: SFNClient; catalogue: WorkflowCatalogue }): Router {
  const router = Router();
  router.get('/api/workflows', authorize('read'), (_req, res) => {
    res.json({ workflows: catalogue.entries.map(({ name, description, stateMachineArn }) => ({ name, description, stateMachineArn })) });
  });
  router.get('/api/workflows/:name', authorize('read'), (req, res) => {
    const { name, description, example, definition, graph, stateMachineArn } = catalogue.get(String(req.params.name));
    res.json({ name, description, inputExample: example, stateMachineArn, definition, graph });
  });
  router.post('/api/workflows/:name/runs', authorize('operate'), async (req, res) => {
    const entry = catalogue.get(String(req.params.name));
    const body = startRunBody.parse(req.body ?? {});
    const { created, run } = await startRun(sfn, catalogue, entry, body);
    res.status(created ? 201 : 200).location(`/api/runs/${run.runId}`).json(run);
  });
  return router;
}
