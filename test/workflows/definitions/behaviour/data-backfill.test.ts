/** data-backfill's behaviour: planning, the distributed Map polling each copy job, the tolerated failures and the report. */
import { dataBackfill, dataBackfillExample, type DataBackfillInput } from '../../../../workflows/definitions';
import {
  checkCopyJob,
  planPartitions,
  startCopyJob,
  summarizeBackfill,
  type CopyJob,
} from '../../../../workflows/definitions/handlers/data-backfill';
import type { TaskFunction } from '../../../../workflows/dsl';
import { testWorkflow, workflowCoverage, workflowMatchers, type TaskMock } from '../../../../workflows/testing';

expect.extend(workflowMatchers);

const backfillWith = (changes: Partial<DataBackfillInput>): DataBackfillInput => ({ ...dataBackfillExample, ...changes });

/** The example with the partitions at `indexes` marked corrupt (their copy fails halfway). */
const withCorrupt = (...indexes: number[]): DataBackfillInput =>
  backfillWith({
    partitions: dataBackfillExample.partitions.map((partition, index) =>
      indexes.includes(index) ? { ...partition, corrupt: true } : partition,
    ),
  });

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** What the Map handed to Summarize: one entry per partition, in partition order. */
function mapResults(run: { states: Record<string, { input: unknown }> }): unknown[] {
  return (run.states['Summarize'].input as { results: unknown[] }).results;
}

describe('data-backfill', () => {
  it('copies every partition of the example and reports a complete backfill', async () => {
    const run = await testWorkflow(dataBackfill, { input: dataBackfillExample });

    expect(run).toSucceed();
    expect(run.path).toEqual(['Plan partitions', 'Backfill partitions', 'Summarize', 'Backfill report', 'Any gaps?', 'Backfill complete']);
    expect(run.output).toEqual({
      dataset: 'orders-2024',
      targetTable: 'orders_v2',
      partitionsCopied: 4,
      partitionsFailed: 0,
      rowsCopied: 194_623,
      message: '4 of 4 partitions of orders-2024 copied to orders_v2 (194623 rows)',
    });
    expect(mapResults(run)).toEqual([
      { partition: '2024-01', rows: 48_210, jobId: 'copy-orders-2024-2024-01', status: 'COPIED' },
      { partition: '2024-02', rows: 45_877, jobId: 'copy-orders-2024-2024-02', status: 'COPIED' },
      { partition: '2024-03', rows: 51_034, jobId: 'copy-orders-2024-2024-03', status: 'COPIED' },
      { partition: '2024-04', rows: 49_502, jobId: 'copy-orders-2024-2024-04', status: 'COPIED' },
    ]);
  });

  it('polls a running job every pollAfterSeconds until it finishes (the largest partition needs three polls)', async () => {
    const run = await testWorkflow(dataBackfill, { input: dataBackfillExample });

    // Four partitions in parallel; 51,034 rows at 25,000 per poll take three 60 s waits.
    expect(run.durationMs).toBeGreaterThanOrEqual(180_000);
    expect(run.durationMs).toBeLessThan(240_000);
  });

  it('polls again while the copy service reports RUNNING, then records the copy', async () => {
    const polls: CopyJob[] = [];
    const run = await testWorkflow(dataBackfill, {
      input: backfillWith({ partitions: [{ key: '2024-05', rows: 10 }] }),
      mocks: {
        'Check job': {
          result: (input: unknown) => {
            const { job } = input as { job: CopyJob };
            const next: CopyJob = {
              ...job,
              polls: job.polls + 1,
              status: job.polls + 1 < 4 ? 'RUNNING' : 'SUCCEEDED',
              processedRows: job.polls + 1 < 4 ? 0 : job.rows,
            };
            polls.push(next);
            return next;
          },
        },
      },
    });

    expect(run).toSucceed();
    expect(polls.map((poll) => poll.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    expect(run.durationMs).toBeGreaterThanOrEqual(4 * 60_000);
    expect(mapResults(run)).toEqual([{ partition: '2024-05', rows: 10, jobId: 'copy-orders-2024-2024-05', status: 'COPIED' }]);
  });

  it('tolerates one failed partition in four and completes with gaps', async () => {
    const run = await testWorkflow(dataBackfill, { input: withCorrupt(1) });

    expect(run).toSucceed();
    expect(run.path.slice(-2)).toEqual(['Any gaps?', 'Completed with gaps']);
    expect(run.output).toMatchObject({
      partitionsCopied: 3,
      partitionsFailed: 1,
      rowsCopied: 48_210 + 51_034 + 49_502,
      message: '3 of 4 partitions of orders-2024 copied to orders_v2 (148746 rows)',
    });
    // The failed partition's entry is its error: Partition failed's CopyJobFailed with the job's error as cause.
    expect(mapResults(run)[1]).toEqual({ Error: 'CopyJobFailed', Cause: 'checksum mismatch at row 22938' });
  });

  it('fails with BackfillFailed when more than a quarter of the partitions fail', async () => {
    const run = await testWorkflow(dataBackfill, { input: withCorrupt(0, 2) });

    expect(run).toFailWith('BackfillFailed', 'tolerated failure threshold was exceeded');
    expect(run.path).toEqual(['Plan partitions', 'Backfill partitions', 'Too many partitions failed']);
  });

  it.each([
    ['no partitions', [], 'no partitions given'],
    [
      'a partition listed twice',
      [
        { key: '2024-01', rows: 1 },
        { key: '2024-01', rows: 2 },
      ],
      'partition 2024-01 is listed twice',
    ],
    ['a negative row count', [{ key: '2024-01', rows: -5 }], 'partition 2024-01 has -5 rows'],
  ])('fails with InvalidBackfill, copying nothing, for %s', async (_, partitions, message) => {
    const run = await testWorkflow(dataBackfill, { input: backfillWith({ partitions }) });

    expect(run).toFailWith('InvalidBackfill', message);
    expect(run.path).toEqual(['Plan partitions', 'Invalid backfill']);
  });

  it('retries a job check that timed out, then carries on polling', async () => {
    let checks = 0;
    const check: TaskMock = {
      sequence: [
        { delay: '45s' },
        {
          result: (input: unknown) => {
            checks += 1;
            return checkCopyJob.handler(input as { job: CopyJob }, {});
          },
        },
      ],
    };

    const run = await testWorkflow(dataBackfill, {
      input: backfillWith({ partitions: [{ key: '2024-01', rows: 30_000 }] }),
      mocks: { 'Check job': check },
    });

    expect(run).toSucceed();
    expect(checks).toBe(2);
    // The 30 s timeout and 10 s of backoff come on top of two 60 s polls.
    expect(run.durationMs).toBeGreaterThanOrEqual(160_000);
    expect(mapResults(run)).toEqual([expect.objectContaining({ rows: 30_000, status: 'COPIED' })]);
  });

  it('fails the partition after three retries of a job check that never answers', async () => {
    const run = await testWorkflow(dataBackfill, {
      input: backfillWith({ partitions: [{ key: '2024-01', rows: 10 }] }),
      mocks: { 'Check job': { delay: '5m' } },
    });

    expect(run).toFailWith('BackfillFailed');
    // 4 attempts of 30 s, with 10 + 20 + 40 s of backoff, after the first 60 s wait.
    expect(run.durationMs).toBeGreaterThanOrEqual((60 + 4 * 30 + 70) * 1000);
  });

  it.each([
    ['Plan partitions', planPartitions],
    ['Summarize', summarizeBackfill],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task) => {
    const run = await testWorkflow(dataBackfill, {
      input: dataBackfillExample,
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
    });

    expect(run).toSucceed();
    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
  });

  it.each([
    ['Start copy job', startCopyJob],
    ['Check job', checkCopyJob],
  ] as const)('retries %s (inside the distributed Map) after a transient Lambda service error', async (state, task) => {
    const run = await testWorkflow(dataBackfill, {
      input: backfillWith({ partitions: [{ key: '2024-01', rows: 10 }] }),
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
    });

    // The iteration runs as a child execution of the map run (its history is its own, not the run's): the outcome shows it.
    expect(run).toSucceed();
    expect(run.output).toMatchObject({ partitionsCopied: 1, rowsCopied: 10 });
  });

  it("covers every state, Choice branch, Catch and Retry arm, the distributed Map's processor included", () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'data-backfill');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    // The distributed Map's iterations run as child executions of its map run, whose states count too.
    expect(uncovered).toEqual([]);
  });
});
