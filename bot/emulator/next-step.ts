/**
 * What Lex does next for an intent when it decides (Delegate, or no dialog code hook), in LEX.md
 * §10 step 4's order: the first unfilled required slot, the confirmation, the declination, fulfilment.
 */
import type { IntentDefinition, SlotDefinition } from '../definition/bot-definition';
import type { LexIntent } from '../definition/lex-types';

/** Lex's next step for an intent. */
export type NextStep = { kind: 'ElicitSlot'; slot: SlotDefinition } | { kind: 'ConfirmIntent' } | { kind: 'Decline' } | { kind: 'Fulfil' };

/** The next step; required slots are asked in definition order (the definition's order is the slot priority). */
export function nextStep(definition: IntentDefinition, intent: LexIntent): NextStep {
  if (intent.state === 'ReadyForFulfillment') return { kind: 'Fulfil' };
  const unfilled = definition.slots.find((slot) => slot.required && !intent.slots?.[slot.name]?.value);
  if (unfilled) return { kind: 'ElicitSlot', slot: unfilled };
  const confirmationState = intent.confirmationState ?? 'None';
  if (definition.confirmation && confirmationState === 'None') return { kind: 'ConfirmIntent' };
  if (confirmationState === 'Denied') return { kind: 'Decline' };
  return { kind: 'Fulfil' };
}
