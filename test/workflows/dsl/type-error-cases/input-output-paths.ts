/**
 * Wrong InputPath, OutputPath, ItemsPath, SecondsPath and approval context paths. Compiled by
 * type-errors.test.ts with the directives removed; each directive names the case whose message the
 * test asserts.
 */
import { workflow } from '../../../../workflows/dsl';
import { EXAMPLE, reserve } from './order';

const options = { description: 'Type error case.', example: EXAMPLE };

export const misspeltInputPath = workflow('misspelt-input-path', options, (start) =>
  // @ts-expect-error misspelt-input-path
  start.pass('Customer', { inputPath: '$.custmer.id' }),
);

export const outputPathAfterResultPath = workflow('output-path-after-result-path', options, (start) =>
  // @ts-expect-error output-path-after-result-path
  start.task('Reserve', reserve, { resultPath: '$.reservation', outputPath: '$.reservation.reservationId' }),
);

export const misspeltItemsPath = workflow('misspelt-items-path', options, (start) =>
  // @ts-expect-error misspelt-items-path
  start.map('Each item', { itemsPath: '$.item' }, (item) => item),
);

export const misspeltChoiceInputPath = workflow('misspelt-choice-input-path', options, (start) =>
  start.choice(
    'Route',
    (c) => c.when(c.isPresent('$.customer.id'), (b) => b.succeed('Known')).otherwise((b) => b.fail('Unknown')),
    // @ts-expect-error misspelt-choice-input-path
    { inputPath: '$.customer.Id' },
  ),
);

export const misspeltApprovalContext = workflow('misspelt-approval-context', options, (start) =>
  // @ts-expect-error misspelt-approval-context
  start.approval('Approve', { approvers: { groups: ['ops'] }, message: 'Ship it?', timeout: '1h', context: '$.customr' }),
);

export const misspeltSecondsPath = workflow('misspelt-seconds-path', options, (start) =>
  // @ts-expect-error misspelt-seconds-path
  start.wait('Cool down', { secondsPath: '$.customer.delaySeconds' }),
);
