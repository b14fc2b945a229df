/** One item of the run ledger: who started a run through Statecraft, where, and when. */
import { z } from 'zod';

/** Where a run was started, for the audit trail. */
export const RUN_CHANNELS = ['api', 'console', 'chat', 'cli'] as const;

/** One of RUN_CHANNELS. */
export type RunChannel = (typeof RUN_CHANNELS)[number];

/** The item (partition key `runId`); `startedBy` is the verified caller, never the input; times are ISO-8601 UTC. */
export const ledgerEntrySchema = z.object({
  runId: z.string(),
  workflow: z.string(),
  executionArn: z.string(),
  startedBy: z.string(),
  channel: z.enum(RUN_CHANNELS),
  startedAt: z.string(),
});

/** A ledger item. */
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
