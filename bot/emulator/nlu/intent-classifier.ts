/**
 * Ranks the bot's intents for an utterance. nlp.js's neural classifier says which intent: its
 * shares are relative, summing to 1 even for "book me a flight" (when it answers None, the
 * nearest-neighbour similarities stand in). How sure we are that the request is ours at all is the
 * geometric mean of the share of the utterance the training vocabulary explains and its similarity
 * to the intent's closest training utterance, at least NAMED_ENTITY_CONFIDENCE when it names a run
 * or a workflow. score = share × that confidence, so out-of-domain requests stay low.
 */
import type { BotDefinition, IntentDefinition, SlotDefinition, SlotTypeDefinition } from '../../definition/bot-definition';
import { slotTypeNamed } from '../../definition/bot-definition';
import type { RankedIntent } from '../understanding';
import { classificationWords, PLACEHOLDERS, valuePlaceholder, withNegations } from './classification-words';
import { trainNlpjsClassifier } from './nlpjs-classifier';
import { trainSimilarityClassifier } from './similarity-classifier';
import { Vocabulary } from './vocabulary';

/** An unknown content word weighs this much against a fully specific known one. */
const UNKNOWN_WORD_WEIGHT = 0.5;

/** How sure a request naming a run or a workflow is ours at least: such a name is unambiguous, only the intent is in question. */
const NAMED_ENTITY_CONFIDENCE = 0.8;

/** Ranks intents for a text, best first, scores in 0..1. */
export type IntentClassifier = { rank(text: string): Promise<RankedIntent[]> };

/** Trains on the sample utterances of every intent that is not a built-in (FallbackIntent, CancelIntent). */
export async function trainIntentClassifier(bot: BotDefinition): Promise<IntentClassifier> {
  const intents = bot.intents.filter((intent) => !intent.parentIntentSignature);
  const valueTypes = valueSlotTypes(bot, intents);
  const entityPlaceholders: ReadonlySet<string> = new Set([PLACEHOLDERS.runReference, ...valueTypes.map(valuePlaceholder)]);
  const placeholders = new Set([...entityPlaceholders, PLACEHOLDERS.runInput]);
  const vocabulary = new Vocabulary({ placeholders, neutral: new Set([PLACEHOLDERS.afterMarker]), unknownWeight: UNKNOWN_WORD_WEIGHT });
  const documents = intents.flatMap((intent) =>
    intent.sampleUtterances.map((utterance) => {
      const words = withNegations(classificationWords(withPlaceholders(bot, intent, utterance), valueTypes));
      vocabulary.add(intent.name, words);
      return { intent: intent.name, words, text: words.join(' ') };
    }),
  );
  const nlpjs = await trainNlpjsClassifier(documents);
  const similarity = trainSimilarityClassifier(documents);
  return {
    async rank(text) {
      const typed = classificationWords(text, valueTypes);
      const fixed = typed.map((word) => vocabulary.correct(word));
      const corrected = new Set(fixed.flatMap((word, index) => (word === typed[index] ? [] : [index])));
      const words = withNegations(fixed);
      const neighbours = similarity.classify(words);
      const relative = words.length > 0 ? await nlpjs.classify(words.join(' ')) : new Map<string, number>();
      const intentShares = [...relative.values()].some((score) => score > 0) ? relative : normalised(neighbours);
      const evidence = vocabulary.evidence(words, corrected);
      const floor = words.some((word) => entityPlaceholders.has(word)) ? NAMED_ENTITY_CONFIDENCE : 0;
      const inDomain = (intent: string): number => Math.max(floor, Math.sqrt(evidence * (neighbours.get(intent) ?? 0)));
      return intents
        .map((intent) => ({ name: intent.name, score: round((intentShares.get(intent.name) ?? 0) * inDomain(intent.name)) }))
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
  const names = new Set(
    intents.flatMap((intent) => intent.slots.filter((slot) => slot.recognizer.kind === 'values').map((slot) => slot.slotType)),
  );
  return bot.slotTypes.filter((slotType) => names.has(slotType.name));
}

function normalised(scores: ReadonlyMap<string, number>): Map<string, number> {
  const total = [...scores.values()].reduce((sum, score) => sum + score, 0);
  return new Map([...scores].map(([intent, score]) => [intent, total > 0 ? score / total : 0]));
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
