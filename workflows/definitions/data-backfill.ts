/** `data-backfill`: copy a dataset partition by partition, polling each copy job until it finishes. */
import { workflow } from '../dsl';
import { checkCopyJob, planPartitions, startCopyJob, summarizeBackfill, type BackfillPartition } from './handlers/data-backfill';

/** A dataset to copy into a target table; mark a partition `corrupt: true` to make its copy fail. */
export type DataBackfillInput = {
  dataset: string;
  targetTable: string;
  partitions: BackfillPartition[];
};

/** The first four months of 2024's orders, copied into the new orders table. */
export const dataBackfillExample: DataBackfillInput = {
  dataset: 'orders-2024',
  targetTable: 'orders_v2',
  partitions: [
    { key: '2024-01', rows: 48_210 },
    { key: '2024-02', rows: 45_877 },
    { key: '2024-03', rows: 51_034 },
    { key: '2024-04', rows: 49_502 },
  ],
};

/** Copies a partitioned dataset; up to a quarter of the partitions may fail without failing the backfill. */
export const dataBackfill = workflow(
  'data-backfill',
  {
    description:
      'Copies a dataset into a target table one partition per child execution, four at a time, polling each copy job until it finishes. Up to a quarter of the partitions may fail; the report lists the gaps.',
    example: dataBackfillExample,
    aliases: ['backfill', 'data backfill', 'table backfill', 'copy dataset'],
    timeout: '6h',
  },
  (start) =>
    start
      .task('Plan partitions', planPartitions, { resultPath: '$.plan', timeout: '1m' })
      .catch(['InvalidBackfill'], (b) => b.fail('Invalid backfill', { error: 'InvalidBackfill', causePath: '$.error.Cause' }), {
        resultPath: '$.error',
      })
      .map(
        'Backfill partitions',
        {
          itemsPath: '$.plan.Payload.jobs',
          mode: 'DISTRIBUTED',
          executionType: 'STANDARD',
          label: 'BackfillPartitions',
          maxConcurrency: 4,
          toleratedFailurePercentage: 25,
          resultPath: '$.results',
        },
        (job) =>
          job
            .task('Start copy job', startCopyJob, { resultPath: '$.job', timeout: '1m' })
            .wait('Wait for job', { secondsPath: '$.job.Payload.pollAfterSeconds' })
            .task('Check job', checkCopyJob, { parameters: { 'job.$': '$.job.Payload' }, resultPath: '$.job', timeout: '30s' })
            .retry({ errors: ['States.Timeout'], interval: '10s', maxAttempts: 3, backoffRate: 2 })
            .choice('Job finished?', (c) =>
              c
                .when(c.string('$.job.Payload.status').equals('SUCCEEDED'), (b) =>
                  b.pass('Partition copied', {
                    parameters: {
                      'partition.$': '$.partition',
                      'rows.$': '$.job.Payload.processedRows',
                      'jobId.$': '$.job.Payload.jobId',
                      status: 'COPIED',
                    },
                  }),
                )
                .when(c.string('$.job.Payload.status').equals('FAILED'), (b) =>
                  b.fail('Partition failed', { error: 'CopyJobFailed', causePath: '$.job.Payload.error' }),
                )
                .otherwise((b) => b.goto('Wait for job')),
            ),
      )
      .catch(
        ['States.ExceedToleratedFailureThreshold'],
        (b) => b.fail('Too many partitions failed', { error: 'BackfillFailed', causePath: '$.error.Cause' }),
        { resultPath: '$.error' },
      )
      .task('Summarize', summarizeBackfill, {
        parameters: { 'dataset.$': '$.dataset', 'expected.$': '$.plan.Payload.partitionCount', 'results.$': '$.results' },
        resultPath: '$.summary',
      })
      .pass('Backfill report', {
        parameters: {
          'dataset.$': '$.dataset',
          'targetTable.$': '$.targetTable',
          'partitionsCopied.$': '$.summary.Payload.partitionsCopied',
          'partitionsFailed.$': '$.summary.Payload.partitionsFailed',
          'rowsCopied.$': '$.summary.Payload.rowsCopied',
          'message.$':
            "States.Format('{} of {} partitions of {} copied to {} ({} rows)', $.summary.Payload.partitionsCopied, $.plan.Payload.partitionCount, $.dataset, $.targetTable, $.summary.Payload.rowsCopied)",
        },
      })
      .choice('Any gaps?', (c) =>
        c
          .when(c.number('$.partitionsFailed').greaterThan(0), (b) => b.succeed('Completed with gaps'))
          .otherwise((b) => b.succeed('Backfill complete')),
      ),
);
