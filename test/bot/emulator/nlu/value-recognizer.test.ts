import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import { recognizeValue } from '../../../../bot/emulator/nlu/value-recognizer';
import { catalogue } from '../../../../workflows/definitions';

const workflowNames = statecraftBot(catalogue).slotTypes[0];

describe('recognizeValue', () => {
  it.each([
    ['run refund-request', 'refund-request', 'refund-request'],
    ['please start the Deploy Service workflow', 'deploy-service', 'Deploy Service'],
    ['begin the order-fulfilment workflow', 'order-fulfillment', 'order-fulfilment'],
    ['please execute the nightly reports job', 'nightly-report', 'nightly reports'],
    ['go ahead and run order_fulfillment', 'order-fulfillment', 'order_fulfillment'],
    ['trigger the data backfill workflow', 'data-backfill', 'data backfill'],
    ['could you launch a refund please', 'refund-request', 'refund'],
    ['I want to onboard a customer', 'onboard-customer', 'onboard a customer'],
    ['start the deploy servise', 'deploy-service', 'deploy servise'],
    ['kick off a deployment', 'deploy-service', 'deployment'],
  ])('finds the workflow in %j', (text, value, original) => {
    expect(recognizeValue(workflowNames, text)).toMatchObject({ value, original });
  });

  it('gives the span of the words it matched', () => {
    const text = 'start the Nightly Report now';

    const match = recognizeValue(workflowNames, text);

    expect(match && text.slice(match.start, match.end)).toBe('Nightly Report');
  });

  it('prefers the longest phrase: "daily sales report" over "report"-like single words', () => {
    expect(recognizeValue(workflowNames, 'run the daily sales report')).toMatchObject({
      value: 'nightly-report',
      original: 'daily sales report',
    });
  });

  it.each(['start the payroll workflow', 'start a workflow', 'what can you do', 'reject r-deadbe'])('finds no workflow in %j', (text) => {
    expect(recognizeValue(workflowNames, text)).toBeUndefined();
  });
});
