/** Response schemas (zod) of the runs routes, for the OpenAPI document; a test checks real responses against them. */
import { z } from 'zod';
import { approvalResponse } from '../approvals/approval-schemas';
import { RUN_CHANNELS } from '../ledger/ledger-entry';
import { RUN_STATUSES } from './run-schemas';

const nextCursor = z.string().optional().meta({ description: 'Where the next page starts; absent on the last page' });

/** A run's status (describe-run.ts): a listing filter, or PENDING_REDRIVE between a redrive and its restart. */
export const runStatusSchema = z.enum([...RUN_STATUSES, 'PENDING_REDRIVE']);

/** One row of `GET /api/runs` (run-summary.ts). */
export const runSummaryResponse = z.object({
  runId: z.string(),
  workflow: z.string(),
  executionArn: z.string(),
  status: runStatusSchema,
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().optional(),
});

/** GET /api/runs */
export const runPageResponse = z.object({ runs: z.array(runSummaryResponse), cursor: nextCursor });

/** GET /api/runs/{runId} (describe-run.ts), with the approvals it waits on. */
export const runResponse = z.object({
  runId: z.string(),
  workflow: z.string(),
  executionArn: z.string(),
  status: runStatusSchema,
  input: z.unknown(),
  output: z.unknown().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().optional(),
  currentStates: z.array(z.string()),
  waitingForApproval: z.array(z.string()),
  startedBy: z.string().nullable().meta({ description: 'Who started the run (the run ledger); null for a run started outside Statecraft' }),
  channel: z.enum(RUN_CHANNELS).nullable().meta({ description: 'Where the run was started; null outside Statecraft' }),
  pendingApprovals: z.array(approvalResponse),
});

/** POST /api/workflows/{name}/runs (start-run.ts). */
export const startedRunResponse = z.object({
  runId: z.string(),
  workflow: z.string(),
  status: runStatusSchema,
  executionArn: z.string(),
  startedAt: z.iso.datetime(),
  startedBy: z.string(),
  channel: z.enum(RUN_CHANNELS),
});

/** POST /api/runs/{runId}/stop */
export const stoppedRunResponse = z.object({
  runId: z.string(),
  workflow: z.string(),
  status: z.literal('ABORTED'),
  stoppedAt: z.iso.datetime(),
});

/** POST /api/runs/{runId}/redrive */
export const redrivenRunResponse = z.object({
  runId: z.string(),
  workflow: z.string(),
  status: z.literal('RUNNING'),
  redrivenAt: z.iso.datetime(),
});

/** One event of `GET /api/runs/{runId}/history` (to-api-event.ts). */
export const historyEventResponse = z.object({
  id: z.int(),
  previousEventId: z.int().optional(),
  type: z.string(),
  timestamp: z.iso.datetime(),
  details: z.looseObject({}).optional().meta({ description: 'The …EventDetails of the Step Functions event, without task tokens.' }),
});

/** GET /api/runs/{runId}/history */
export const historyPageResponse = z.object({ events: z.array(historyEventResponse), cursor: nextCursor });
