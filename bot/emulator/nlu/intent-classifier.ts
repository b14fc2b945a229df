/**
 * Ranks the bot's intents for an utterance: nlp.js's classification of the normalised words,
 * scaled by how much of the utterance the training vocabulary explains, so out-of-domain requests
 * ("book me a flight") score low even when nlp.js is sure of its (relative) best guess.
 */
import type { BotDefinition, IntentDefinition, SlotDefinition, SlotTypeDefinition } from '../../definition/bot-definition';
import { slotTypeNamed } from '../../definition/bot-definition';
import type { RankedIntent } from '../understanding';
import { classificationWords, PLACEHOLDERS, valuePlaceholder, withNegations } from './classification-words';
import { trainNlpjsClassifier } from './nlpjs-classifier';
import { Vocabulary } from './vocabulary';

/** An unknown content word weighs this much against a fully specific known one. */
const UNKNOWN_WORD_WEIGHT = 0.6;
/** Placeholders that say nothing about the intent. */
const NEUTRAL_WORDS: ReadonlySet<string> = new Set([PLACEHOLDERS.afterMarker]);

/** Ranks intents for a text, best first, scores in 0..1. */
export type IntentClassifier = { rank(text: string): Promise<RankedIntent[]> };

/** Trains on the sample utterances of every intent that is not a built-in (FallbackIntent, CancelIntent). */
export async function trainIntentClassifier(bot: BotDefinition): Promise<IntentClassifier> {
  const intents = bot.intents.filter((intent) => !intent.parentIntentSignature);
  const valueTypes = valueSlotTypes(bot, intents);
  const vocabulary = new Vocabulary();
  const documents = intents.flatMap((intent) =>
    intent.sampleUtterances.map((utterance) => {
      const words = withNegations(classificationWords(withPlaceholders(bot, intent, utterance), valueTypes));
      vocabulary.add(intent.name, words);
      return { intent: intent.name, text: words.join(' ') };
    }),
  );
  const nlpjs = await trainNlpjsClassifier(documents);
  return {
    async rank(text) {
      const words = withNegations(classificationWords(text, valueTypes).map((word) => vocabulary.correct(word)));
      const evidence = vocabulary.evidence(words, NEUTRAL_WORDS, UNKNOWN_WORD_WEIGHT);
      const scores = words.length > 0 ? await nlpjs.classify(words.join(' ')) : new Map<string, number>();
      return intents
        .map((intent) => ({ name: intent.name, score: round((scores.get(intent.name) ?? 0) * evidence) }))
        .sort((a, b) => b.score - a.score);
    },
  };
}

/** A sample utterance with each `{Slot}` marker replaced by its recognizer's placeholder. */
function withPlaceholders(bot: BotDefinition, intent: IntentDefinition, utterance: string): string {
  return utterance.replace(/\{(\w+)\}/g, (marker, name: string) => {
    const slot = intent.slots.find((candidate) => candidate.name === name);
    return slot ? ` ${placeholderOf(bot, slot)} ` : marker;
  });
}

function placeholderOf(bot: BotDefinition, slot: SlotDefinition): string {
  const slotType = slotTypeNamed(bot, slot.slotType);
  if (slot.recognizer.kind === 'values' && slotType) return valuePlaceholder(slotType);
  if (slot.recognizer.kind === 'run-input') return PLACEHOLDERS.runInput;
  if (slot.recognizer.kind === 'after-marker') return PLACEHOLDERS.afterMarker;
  return PLACEHOLDERS.runReference;
}

function valueSlotTypes(bot: BotDefinition, intents: readonly IntentDefinition[]): SlotTypeDefinition[] {
  const names = new Set(intents.flatMap((intent) => intent.slots.filter((slot) => slot.recognizer.kind === 'values').map((slot) => slot.slotType)));
  return bot.slotTypes.filter((slotType) => names.has(slotType.name));
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
