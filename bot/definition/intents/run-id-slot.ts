/** The `RunId` slot that every run-level intent shares. */
import type { SlotDefinition } from '../bot-definition';
import { RUN_REF_TYPE } from '../slot-types/run-ref-type';

/** A required `RunId` slot asking `prompt`; the code hook fills it from the run in focus first ("approve it"). */
export function runIdSlot(prompt: string): SlotDefinition {
  return {
    name: 'RunId',
    description: 'The run, by id (r-7f3a9c) or as the most recent one.',
    slotType: RUN_REF_TYPE,
    required: true,
    prompt,
    maxRetries: 2,
    recognizer: { kind: 'run-reference' },
  };
}
