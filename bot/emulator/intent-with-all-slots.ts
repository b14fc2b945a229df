/** An intent as Lex reports it: every slot of the definition present, unfilled ones `null` (LEX.md §3.2). */
import type { IntentDefinition } from '../definition/bot-definition';
import type { LexIntent, LexSlot, LexSlotValue } from '../definition/lex-types';

/** A filled slot as Lex reports it in events and responses. */
export function scalarSlot(value: LexSlotValue): LexSlot {
  return { shape: 'Scalar', value };
}

/** `intent` with each slot of `definition` present (its value, or null), in definition order; state InProgress and confirmation None unless set. */
export function intentWithAllSlots(definition: IntentDefinition, intent: Partial<LexIntent> = {}): LexIntent {
  const given = intent.slots ?? {};
  const slots: Record<string, LexSlot | null> = {};
  for (const slot of definition.slots) {
    const value = given[slot.name];
    slots[slot.name] = value?.value ? scalarSlot(value.value) : null;
  }
  return { name: definition.name, slots, state: intent.state ?? 'InProgress', confirmationState: intent.confirmationState ?? 'None' };
}

/** A new intent for `definition` with the values extracted from an utterance. */
export function newIntent(definition: IntentDefinition, values: Record<string, LexSlotValue> = {}): LexIntent {
  const slots = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, scalarSlot(value)]));
  return intentWithAllSlots(definition, { slots });
}
