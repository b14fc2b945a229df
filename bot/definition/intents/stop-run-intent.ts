/** `StopRun`: stop a running run. */
import type { IntentDefinition } from '../bot-definition';
import { runIdSlot } from './run-id-slot';
import { stopRunUtterances } from './stop-run-utterances';

/** Stops a run (Step Functions StopExecution); the code hook refuses runs that already ended. */
export const stopRunIntent: IntentDefinition = {
  name: 'StopRun',
  description: 'Stops a running run.',
  sampleUtterances: stopRunUtterances,
  slots: [runIdSlot('Which run should I stop? Give me its id, like r-7f3a9c.')],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
