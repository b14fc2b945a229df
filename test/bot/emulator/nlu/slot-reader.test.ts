import { intentNamed, type IntentDefinition, type SlotDefinition } from '../../../../bot/definition/bot-definition';
import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import { readElicitedSlot, readSlots } from '../../../../bot/emulator/nlu/slot-reader';
import { catalogue } from '../../../../workflows/definitions';

const bot = statecraftBot(catalogue);

function intent(name: string): IntentDefinition {
  const found = intentNamed(bot, name);
  if (!found) throw new Error(`no intent ${name}`);
  return found;
}

function slot(intentName: string, slotName: string): SlotDefinition {
  const found = intent(intentName).slots.find((candidate) => candidate.name === slotName);
  if (!found) throw new Error(`no slot ${slotName}`);
  return found;
}

describe('readSlots', () => {
  it('fills WorkflowName with the canonical name and RunInput verbatim', () => {
    const slots = readSlots(bot, intent('StartWorkflow'), 'start refund-request orderId=991 amount=25.00');

    expect(slots).toStrictEqual({
      WorkflowName: { originalValue: 'refund-request', interpretedValue: 'refund-request', resolvedValues: ['refund-request'] },
      RunInput: { originalValue: 'orderId=991 amount=25.00', interpretedValue: 'orderId=991 amount=25.00' },
    });
  });

  it('fills RunId (lower-cased) and the Reason after its marker', () => {
    const slots = readSlots(bot, intent('RejectRun'), 'please deny R-88AA01 due to missing sign-off from security');

    expect(slots).toStrictEqual({
      RunId: { originalValue: 'R-88AA01', interpretedValue: 'r-88aa01', resolvedValues: ['r-88aa01'] },
      Reason: { originalValue: 'missing sign-off from security', interpretedValue: 'missing sign-off from security' },
    });
  });

  it('maps "the most recent run" to latest, keeping the words as the original value', () => {
    expect(readSlots(bot, intent('GetRunStatus'), 'what happened with the most recent run')).toStrictEqual({
      RunId: { originalValue: 'most recent', interpretedValue: 'latest', resolvedValues: ['latest'] },
    });
  });

  it('leaves unknown workflows, missing runs and markerless comments unfilled', () => {
    expect(readSlots(bot, intent('StartWorkflow'), 'start the payroll workflow')).toStrictEqual({});
    expect(readSlots(bot, intent('ApproveRun'), 'lgtm, ship it')).toStrictEqual({});
  });

  it('reads only the slots the intent has: StopRun has no reason', () => {
    expect(Object.keys(readSlots(bot, intent('StopRun'), 'please cancel execution r-9c1e22, it was started by mistake'))).toStrictEqual([
      'RunId',
    ]);
  });

  it('does not take a workflow name from inside the payload or a run id', () => {
    expect(readSlots(bot, intent('StartWorkflow'), 'start it with target=deploy-service').WorkflowName).toBeUndefined();
  });
});

describe('readElicitedSlot', () => {
  it.each([
    ['ok, onboard-customer then', 'onboard-customer'],
    ['Deploy Service', 'deploy-service'],
    ['the backfill one', 'data-backfill'],
  ])('resolves the workflow anywhere in the answer %j', (answer, value) => {
    expect(readElicitedSlot(bot, slot('StartWorkflow', 'WorkflowName'), answer)?.interpretedValue).toBe(value);
  });

  it('does not resolve an unknown workflow', () => {
    expect(readElicitedSlot(bot, slot('StartWorkflow', 'WorkflowName'), 'payroll')).toBeUndefined();
  });

  it.each([
    ['r-51be02', 'r-51be02'],
    ['R-93E7AA please', 'r-93e7aa'],
    ['last', 'latest'],
    ['the most recent one', 'latest'],
    ['newest', 'latest'],
  ])('resolves the run in the answer %j', (answer, value) => {
    expect(readElicitedSlot(bot, slot('ApproveRun', 'RunId'), answer)?.interpretedValue).toBe(value);
  });

  it('does not resolve an answer without a run', () => {
    expect(readElicitedSlot(bot, slot('ApproveRun', 'RunId'), 'no idea')).toBeUndefined();
  });

  it('takes the whole answer as the reason, marker and quotes stripped', () => {
    expect(readElicitedSlot(bot, slot('RejectRun', 'Reason'), '  because "the amount is wrong". ')).toStrictEqual({
      originalValue: 'because "the amount is wrong".',
      interpretedValue: 'the amount is wrong',
    });
  });

  it('parses a payload answer, or resolves nothing', () => {
    expect(readElicitedSlot(bot, slot('StartWorkflow', 'RunInput'), '{"orderId": "ORD-1"}')?.interpretedValue).toBe('{"orderId": "ORD-1"}');
    expect(readElicitedSlot(bot, slot('StartWorkflow', 'RunInput'), 'the usual')).toBeUndefined();
  });
});
