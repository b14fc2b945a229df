import type { IntentDefinition } from '../../../bot/definition/bot-definition';
import type { LexIntent } from '../../../bot/definition/lex-types';
import { nextStep } from '../../../bot/emulator/next-step';

const slot = (name: string, required: boolean) => ({
  name,
  description: name,
  slotType: 'T',
  required,
  prompt: `${name}?`,
  maxRetries: 1,
  recognizer: { kind: 'values' as const },
});
const definition: IntentDefinition = {
  name: 'StartWorkflow',
  description: 'start',
  sampleUtterances: [],
  slots: [slot('Optional', false), slot('First', true), slot('Second', true)],
  confirmation: { prompt: 'Sure?', declinationResponse: 'OK.', maxRetries: 1 },
  dialogCodeHook: false,
  fulfillmentCodeHook: false,
};
const filled = { shape: 'Scalar' as const, value: { interpretedValue: 'x' } };

describe('nextStep', () => {
  it.each<[string, Partial<LexIntent>, string]>([
    [
      'elicits the first unfilled required slot in definition order',
      { slots: { Optional: null, First: null, Second: null } },
      'ElicitSlot:First',
    ],
    ['skips filled and optional slots', { slots: { Optional: null, First: filled, Second: null } }, 'ElicitSlot:Second'],
    [
      'asks the confirmation once the required slots are filled',
      { slots: { First: filled, Second: filled }, confirmationState: 'None' },
      'ConfirmIntent',
    ],
    ['declines a denied intent', { slots: { First: filled, Second: filled }, confirmationState: 'Denied' }, 'Decline'],
    ['fulfils a confirmed intent', { slots: { First: filled, Second: filled }, confirmationState: 'Confirmed' }, 'Fulfil'],
    ['fulfils an intent the hook marked ReadyForFulfillment', { slots: {}, state: 'ReadyForFulfillment' }, 'Fulfil'],
  ])('%s', (_, intent, expected) => {
    const step = nextStep(definition, { name: 'StartWorkflow', ...intent });

    expect(step.kind === 'ElicitSlot' ? `ElicitSlot:${step.slot.name}` : step.kind).toBe(expected);
  });
});
