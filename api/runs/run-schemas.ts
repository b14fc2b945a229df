/** Request schemas of the runs routes (zod): the routes validate with them and the OpenAPI document is generated from them. */
import { z } from 'zod';

/** A run id is the execution name: letters, digits, `-` and `_`, 1 to 80 characters. */
export const RUN_ID = /^[A-Za-z0-9_-]{1,80}$/;
/** A run id in a body or query (path segments are checked by find-run.ts with the same RUN_ID). */
export const runIdSchema = z
  .string()
  .regex(RUN_ID, 'run ids are 1 to 80 letters, digits, - or _')
  .meta({ description: 'The run id: the execution name' });

/** A workflow's name, as `GET /api/workflows` lists it (a Step Functions state machine name has at most 80 characters). */
export const workflowNameSchema = z.string().max(80).meta({ description: 'The workflow, by name' });

/** POST /api/workflows/{name}/runs */
export const startRunBody = z.strictObject({
  input: z.unknown().optional().meta({ description: 'Execution input (default {}); at most 256 KiB as JSON.' }),
  runId: runIdSchema
    .optional()
    .meta({ description: 'The run id to start under (default: a generated one); the same id and input again returns the existing run.' }),
});

/** POST /api/runs/{runId}/stop */
export const stopRunBody = z.strictObject({
  reason: z.string().max(32768).optional().meta({ description: 'Recorded as the cause of the stop' }),
});

/** POST /api/runs/{runId}/redrive: no options. */
export const redriveRunBody = z.strictObject({});

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const cursor = z.string().max(4096).optional().meta({ description: 'The `cursor` of the previous page' });

/** The statuses `GET /api/runs` filters by: Step Functions' own, and running runs parked on an approval. */
export const RUN_STATUSES = ['RUNNING', 'WAITING_FOR_APPROVAL', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** GET /api/runs */
export const listRunsQuery = z.strictObject({
  workflow: workflowNameSchema.optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: limit(100, 20),
  cursor,
});

/** GET /api/runs/{runId}/history */
export const historyQuery = z.strictObject({ limit: limit(1000, 100), cursor });
