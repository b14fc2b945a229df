import {
  checkCopyJob,
  planPartitions,
  ROWS_PER_POLL,
  startCopyJob,
  summarizeBackfill,
  type CopyJob,
  type PartitionJob,
} from '../../../../workflows/definitions/handlers/data-backfill';
import { InvalidBackfillError } from '../../../../workflows/definitions/handlers/errors';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

const job: PartitionJob = { dataset: 'orders-2024', targetTable: 'orders_v2', partition: '2024-01', rows: 60_000, corrupt: false };

/** Polls a job until it stops running; returns every status seen. */
async function pollToEnd(started: CopyJob): Promise<CopyJob[]> {
  const seen = [started];
  while (seen[seen.length - 1].status === 'RUNNING') seen.push(await invoke(checkCopyJob, { job: seen[seen.length - 1] }));
  return seen;
}

describe('backfill-plan-partitions', () => {
  it('turns each partition into a copy job', async () => {
    const plan = await invoke(planPartitions, {
      dataset: 'orders-2024',
      targetTable: 'orders_v2',
      partitions: [
        { key: '2024-01', rows: 60_000 },
        { key: '2024-02', rows: 10, corrupt: true },
      ],
    });

    expect(plan).toStrictEqual({
      jobs: [job, { ...job, partition: '2024-02', rows: 10, corrupt: true }],
      partitionCount: 2,
      totalRows: 60_010,
    });
  });

  it.each([
    ['no partitions', [], 'no partitions given'],
    [
      'a duplicate key',
      [
        { key: 'a', rows: 1 },
        { key: 'a', rows: 2 },
      ],
      'partition a is listed twice',
    ],
    ['negative rows', [{ key: 'a', rows: -1 }], 'partition a has -1 rows'],
  ])('refuses %s with InvalidBackfill', async (_case, partitions, message) => {
    const plan = invoke(planPartitions, { dataset: 'orders-2024', targetTable: 'orders_v2', partitions });

    await expect(plan).rejects.toBeInstanceOf(InvalidBackfillError);
    await expect(plan).rejects.toThrow(message);
  });
});

describe('backfill-start-job and backfill-check-job', () => {
  it('starts a running job to poll a minute later', async () => {
    const started = await invoke(startCopyJob, job);

    expect(started).toStrictEqual({
      jobId: 'copy-orders-2024-2024-01',
      partition: '2024-01',
      status: 'RUNNING',
      rows: 60_000,
      processedRows: 0,
      polls: 0,
      pollAfterSeconds: 60,
    });
  });

  it('copies a batch per poll until the partition is done', async () => {
    const seen = await pollToEnd(await invoke(startCopyJob, job));

    expect(seen.map((s) => [s.status, s.processedRows])).toStrictEqual([
      ['RUNNING', 0],
      ['RUNNING', ROWS_PER_POLL],
      ['RUNNING', 2 * ROWS_PER_POLL],
      ['SUCCEEDED', 60_000],
    ]);
  });

  it('fails the copy of a corrupt partition halfway', async () => {
    const seen = await pollToEnd(await invoke(startCopyJob, { ...job, corrupt: true }));

    expect(seen[seen.length - 1]).toMatchObject({ status: 'FAILED', processedRows: 30_000, error: 'checksum mismatch at row 30000' });
  });

  it('leaves a finished job as it is', async () => {
    const done: CopyJob = { jobId: 'j', partition: 'p', status: 'SUCCEEDED', rows: 1, processedRows: 1, polls: 1, pollAfterSeconds: 60 };

    const checked = await invoke(checkCopyJob, { job: done });

    expect(checked).toStrictEqual(done);
  });
});

describe('backfill-summarize', () => {
  it('counts the copied partitions and the missing ones as failed', async () => {
    const results = [
      { partition: '2024-01', rows: 48_210, jobId: 'a', status: 'COPIED' as const },
      null,
      { partition: '2024-03', rows: 51_034, jobId: 'c', status: 'COPIED' as const },
    ];

    const summary = await invoke(summarizeBackfill, { dataset: 'orders-2024', expected: 4, results });

    expect(summary).toStrictEqual({ dataset: 'orders-2024', partitionsCopied: 2, partitionsFailed: 2, rowsCopied: 99_244 });
  });
});
