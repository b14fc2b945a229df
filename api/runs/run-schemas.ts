/** Request schemas of the runs routes (zod): validated, then typed. */
import { z } from 'zod';

/** A run id is the execution name: letters, digits, `-` and `_`, 1 to 80 characters. */
export const RUN_ID = /^[A-Za-z0-9_-]{1,80}$/;
export const runIdSchema = z.string().regex(RUN_ID, 'run ids are 1 to 80 letters, digits, - or _');

/** POST /api/workflows/{name}/runs */
export const startRunBody = z.strictObject({ input: z.unknown().optional(), runId: runIdSchema.optional() });

/** POST /api/runs/{runId}/stop */
export const stopRunBody = z.strictObject({ reason: z.string().max(32768).optional() });

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** The statuses `GET /api/runs` filters by: Step Functions' own, and running runs parked on an approval. */
export const RUN_STATUSES = ['RUNNING', 'WAITING_FOR_APPROVAL', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** GET /api/runs */
export const listRunsQuery = z.strictObject({
  workflow: z.string().max(80).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: limit(100, 20),
  cursor: z.string().max(4096).optional(),
});

/** GET /api/runs/{runId}/history */
export const historyQuery = z.strictObject({ limit: limit(1000, 100), cursor: z.string().max(4096).optional() });
