/** `ApproveRun`: approve a run waiting at an approval step, optionally with a comment. */
import type { IntentDefinition } from '../bot-definition';
import { approveRunUtterances } from './approve-run-utterances';
import { runIdSlot } from './run-id-slot';

/** Approves a run's pending approval (SendTaskSuccess); a comment after "because", "comment:" and the like is recorded with it. */
export const approveRunIntent: IntentDefinition = {
  name: 'ApproveRun',
  description: 'Approves a run that waits for approval.',
  sampleUtterances: approveRunUtterances,
  slots: [
    runIdSlot('Which run should I approve? Give me its id, like r-7f3a9c.'),
    {
      name: 'Comment',
      description: 'A note recorded with the approval.',
      slotType: 'AMAZON.FreeFormInput',
      required: false,
      prompt: 'Any comment to record with the approval?',
      maxRetries: 1,
      recognizer: { kind: 'after-marker' },
    },
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
