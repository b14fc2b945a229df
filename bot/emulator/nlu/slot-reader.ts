/** Reads slot values from text with each slot's recognizer: inline in a request, or as the whole answer to a prompt. */
import type { BotDefinition, IntentDefinition, SlotDefinition } from '../../definition/bot-definition';
import { slotTypeNamed } from '../../definition/bot-definition';
import type { LexSlotValue } from '../../definition/lex-types';
import { LATEST_RUN } from '../../definition/slot-types/run-ref-type';
import { cleanFreeText, recognizeAfterMarker } from '../../definition/recognizers/after-marker-recognizer';
import { phraseText } from './phrase-text';
import { recognizeRunInput } from '../../definition/recognizers/run-input-recognizer';
import { originalRunReference, recognizeRunReference, RUN_ID } from '../../definition/recognizers/run-reference-recognizer';
import { maskMatch } from '../../definition/recognizers/text-match';
import { recognizeValue } from './value-recognizer';

/** Answers that mean the newest run on their own ("last", "the latest one"). */
const LATEST_ANSWER = /^(?:the |my )?(?:latest|newest|last|most recent|recent)(?: one| run| execution)?$/;
const RUN_ID_ANYWHERE = new RegExp(RUN_ID.source, 'gi');

/** The filled slots of `intent` in a request (unfilled ones left out). */
export function readSlots(bot: BotDefinition, intent: IntentDefinition, text: string): Record<string, LexSlotValue> {
  const filled: Record<string, LexSlotValue> = {};
  for (const slot of intent.slots) {
    const value = readSlot(bot, slot, text);
    if (value) filled[slot.name] = value;
  }
  return filled;
}

/** A slot's value in a request, found by its recognizer. */
export function readSlot(bot: BotDefinition, slot: SlotDefinition, text: string): LexSlotValue | undefined {
  const payload = recognizeRunInput(text);
  const withoutPayload = payload && slot.recognizer.kind !== 'run-input' ? maskMatch(text, payload) : text;
  switch (slot.recognizer.kind) {
    case 'values':
      return valueOf(
        bot,
        slot,
        withoutPayload.replace(RUN_ID_ANYWHERE, (id) => ' '.repeat(id.length)),
      );
    case 'run-reference': {
      const match = recognizeRunReference(withoutPayload);
      return (
        match && {
          originalValue: originalRunReference(withoutPayload, match),
          interpretedValue: match.value,
          resolvedValues: [match.value],
        }
      );
    }
    case 'after-marker': {
      const match = recognizeAfterMarker(withoutPayload);
      return match && { originalValue: match.value, interpretedValue: match.value };
    }
    case 'run-input':
      return payload && { originalValue: payload.value, interpretedValue: payload.value };
  }
}

/** A slot's value when the whole text answers its prompt, or undefined when it does not resolve. */
export function readElicitedSlot(bot: BotDefinition, slot: SlotDefinition, text: string): LexSlotValue | undefined {
  switch (slot.recognizer.kind) {
    case 'values':
    case 'run-input':
      return readSlot(bot, slot, text);
    case 'run-reference': {
      const inline = readSlot(bot, slot, text);
      if (inline) return inline;
      return LATEST_ANSWER.test(phraseText(text))
        ? { originalValue: text.trim(), interpretedValue: LATEST_RUN, resolvedValues: [LATEST_RUN] }
        : undefined;
    }
    case 'after-marker': {
      const value = cleanFreeText(text);
      return value === undefined ? undefined : { originalValue: text.trim(), interpretedValue: value };
    }
  }
}

function valueOf(bot: BotDefinition, slot: SlotDefinition, text: string): LexSlotValue | undefined {
  const slotType = slotTypeNamed(bot, slot.slotType);
  const match = slotType && recognizeValue(slotType, text);
  return match && { originalValue: match.original, interpretedValue: match.value, resolvedValues: [match.value] };
}
