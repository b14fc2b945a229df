/**
 * Task handlers of `data-backfill`. They simulate a bulk-copy service deterministically: a job
 * copies `ROWS_PER_POLL` rows between two polls, and a partition marked `corrupt` fails its job
 * halfway with a checksum mismatch.
 */
import { fn } from '../../dsl/task-function';
import { InvalidBackfillError } from './errors';

/** One partition of the source dataset; `corrupt` marks a partition whose copy will fail. */
export type BackfillPartition = { key: string; rows: number; corrupt?: boolean };
/** The copy of one partition, as the Map runs it. */
export type PartitionJob = { dataset: string; targetTable: string; partition: string; rows: number; corrupt: boolean };
/** A copy job's progress, as the copy service reports it. */
export type CopyJob = {
  jobId: string;
  partition: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  rows: number;
  processedRows: number;
  polls: number;
  pollAfterSeconds: number;
  /** Row at which a corrupt partition's copy breaks (the simulation's marker). */
  corruptAtRow?: number;
  error?: string;
};
/** What the Map's item processor returns for a copied partition. */
export type PartitionCopied = { partition: string; rows: number; jobId: string; status: 'COPIED' };

/** Rows the copy service moves between two polls. */
export const ROWS_PER_POLL = 25_000;
const POLL_AFTER_SECONDS = 60;

/** Checks the request and turns each partition into a copy job for the Map. */
export const planPartitions = fn(
  'backfill-plan-partitions',
  (input: { dataset: string; targetTable: string; partitions: readonly BackfillPartition[] }) => {
    if (input.partitions.length === 0) throw new InvalidBackfillError(input.dataset, 'no partitions given');
    const keys = input.partitions.map((partition) => partition.key);
    const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
    if (duplicate !== undefined) throw new InvalidBackfillError(input.dataset, `partition ${duplicate} is listed twice`);
    const negative = input.partitions.find((partition) => !Number.isInteger(partition.rows) || partition.rows < 0);
    if (negative) throw new InvalidBackfillError(input.dataset, `partition ${negative.key} has ${negative.rows} rows`);
    const jobs: PartitionJob[] = input.partitions.map((partition) => ({
      dataset: input.dataset,
      targetTable: input.targetTable,
      partition: partition.key,
      rows: partition.rows,
      corrupt: partition.corrupt === true,
    }));
    return { jobs, partitionCount: jobs.length, totalRows: jobs.reduce((sum, job) => sum + job.rows, 0) };
  },
);

/** Submits the copy of one partition to the copy service. */
export const startCopyJob = fn('backfill-start-job', (input: PartitionJob): CopyJob => ({
  jobId: `copy-${input.dataset}-${input.partition}`.replace(/[^A-Za-z0-9-]/g, '-'),
  partition: input.partition,
  status: 'RUNNING',
  rows: input.rows,
  processedRows: 0,
  polls: 0,
  pollAfterSeconds: POLL_AFTER_SECONDS,
  ...(input.corrupt ? { corruptAtRow: Math.floor(input.rows / 2) } : {}),
}));

/** Polls a copy job: one more batch of rows, then SUCCEEDED, or FAILED at a corrupt row. */
export const checkCopyJob = fn('backfill-check-job', (input: { job: CopyJob }): CopyJob => {
  const { job } = input;
  if (job.status !== 'RUNNING') return job;
  const polls = job.polls + 1;
  const processedRows = Math.min(job.rows, polls * ROWS_PER_POLL);
  if (job.corruptAtRow !== undefined && processedRows >= job.corruptAtRow) {
    return { ...job, polls, processedRows: job.corruptAtRow, status: 'FAILED', error: `checksum mismatch at row ${job.corruptAtRow}` };
  }
  return { ...job, polls, processedRows, status: processedRows >= job.rows ? 'SUCCEEDED' : 'RUNNING' };
});

/**
 * Counts what the Map produced. A failed partition (tolerated by the Map) has no `COPIED` entry,
 * so failures are the expected count minus the copied ones, whatever the failed entries hold.
 */
export const summarizeBackfill = fn(
  'backfill-summarize',
  (input: { dataset: string; expected: number; results: readonly (PartitionCopied | null)[] }) => {
    const copied = input.results.filter((result): result is PartitionCopied => result?.status === 'COPIED');
    return {
      dataset: input.dataset,
      partitionsCopied: copied.length,
      partitionsFailed: input.expected - copied.length,
      rowsCopied: copied.reduce((sum, result) => sum + result.rows, 0),
    };
  },
);
