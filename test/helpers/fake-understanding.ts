/**
 * A keyword Understanding for tests of the local Lex runtime: deterministic scores instead of the
 * trained NLU (bot/emulator/nlu), so dialog tests do not move when the classifier does.
 */
import type { IntentDefinition, SlotDefinition } from '../../bot/definition/bot-definition';
import type { LexSlotValue } from '../../bot/definition/lex-types';
import type { RankedIntent, Understanding } from '../../bot/emulator/understanding';

/** How the fake understands. */
export type FakeUnderstandingOptions = {
  /** Per intent, phrases that make it score `matchScore` (otherwise `missScore`). */
  keywords: Record<string, readonly string[]>;
  /** Per slot name, phrase → interpreted value, found anywhere in an utterance. */
  slotValues?: Record<string, Record<string, string>>;
  /** Exact utterances (lower-cased) with fixed rankings, for scores between the defaults. */
  scripted?: Record<string, RankedIntent[]>;
  matchScore?: number;
  missScore?: number;
};

const CANCEL = /\b(cancel|never ?mind|forget it)\b/i;
const YES = /^(yes|yeah|yep|sure|ok|okay|go ahead)\b/i;
const NO = /^(no|nope|nah|don't)\b/i;

/** The fake; `calls` counts rankIntents calls. */
export function createFakeUnderstanding({
  keywords,
  slotValues = {},
  scripted = {},
  matchScore = 0.9,
  missScore = 0.1,
}: FakeUnderstandingOptions): Understanding & { calls: number } {
  const find = (slotName: string, text: string): LexSlotValue | undefined => {
    const lower = text.toLowerCase();
    const entry = Object.entries(slotValues[slotName] ?? {}).find(([phrase]) => lower.includes(phrase));
    return entry ? { originalValue: entry[0], interpretedValue: entry[1], resolvedValues: [entry[1]] } : undefined;
  };
  const fake = {
    calls: 0,
    async rankIntents(text: string): Promise<RankedIntent[]> {
      fake.calls += 1;
      const lower = text.toLowerCase().trim();
      if (scripted[lower]) return scripted[lower];
      return Object.entries(keywords)
        .map(([name, phrases]) => ({ name, score: phrases.some((phrase) => lower.includes(phrase)) ? matchScore : missScore }))
        .sort((a, b) => b.score - a.score);
    },
    isCancel: (text: string) => CANCEL.test(text),
    confirmation: (text: string): 'yes' | 'no' | undefined => (YES.test(text.trim()) ? 'yes' : NO.test(text.trim()) ? 'no' : undefined),
    extractSlots(intent: IntentDefinition, text: string): Record<string, LexSlotValue> {
      const values: Record<string, LexSlotValue> = {};
      for (const slot of intent.slots) {
        const value = find(slot.name, text);
        if (value) values[slot.name] = value;
      }
      return values;
    },
    resolveElicited(slot: SlotDefinition, text: string): LexSlotValue | undefined {
      if (slot.slotType === 'AMAZON.FreeFormInput') return { originalValue: text, interpretedValue: text, resolvedValues: [text] };
      return find(slot.name, text);
    },
  };
  return fake;
}
