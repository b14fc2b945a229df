/** `RejectRun`: reject a run waiting at an approval step, with a reason. */
import type { IntentDefinition } from '../bot-definition';
import { rejectRunUtterances } from './reject-run-utterances';
import { runIdSlot } from './run-id-slot';

/** Rejects a run's pending approval (SendTaskFailure); the reason is required, read after a marker or asked for. */
export const rejectRunIntent: IntentDefinition = {
  name: 'RejectRun',
  description: 'Rejects a run that waits for approval.',
  sampleUtterances: rejectRunUtterances,
  slots: [
    runIdSlot('Which run should I reject? Give me its id, like r-7f3a9c.'),
    {
      name: 'Reason',
      description: 'Why the run is rejected, recorded with the rejection.',
      slotType: 'AMAZON.FreeFormInput',
      required: true,
      prompt: 'Why are you rejecting {RunId}?',
      maxRetries: 2,
      recognizer: { kind: 'after-marker' },
    },
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
