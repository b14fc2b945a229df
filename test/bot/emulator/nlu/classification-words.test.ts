import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import { classificationWords, withNegations } from '../../../../bot/emulator/nlu/classification-words';
import { catalogue } from '../../../../workflows/definitions';

const valueTypes = [statecraftBot(catalogue).slotTypes[0]];
const words = (text: string) => classificationWords(text, valueTypes).join(' ');

describe('classificationWords', () => {
  it.each([
    ['Approve R-7F3A9C', 'approve runref'],
    ['reject the latest run', 'reject the runref run'],
    ['please start the Deploy Service workflow', 'please start the workflownametype workflow'],
    ['start refund-request orderId=991 amount=25.00', 'start workflownametype payload'],
    ['launch deploy-service with {"version": "2.4.1"}', 'launch workflownametype with payload'],
    ['reject r-9c1e22 because the canary error rate is too high', 'reject runref freetext'],
    ["what's the status of my run?", 'what is the status of my run'],
    ["don't approve it", 'do not approve it'],
    ['lsit workflows pls', 'lsit workflows please'],
  ])('reduces %j to %j', (text, expected) => {
    expect(words(text)).toBe(expected);
  });
});

describe('withNegations', () => {
  it('joins "not" to the next word as an extra feature', () => {
    expect(withNegations(['do', 'not', 'approve', 'runref'])).toStrictEqual(['do', 'not', 'notapprove', 'runref']);
  });
});
