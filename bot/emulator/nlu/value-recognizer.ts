/** The `values` recognizer: a slot type's values and synonyms found loosely in a text (case, hyphens, articles, plurals, small typos). */
import { LRUCache } from 'lru-cache';
import type { SlotTypeDefinition } from '../../definition/bot-definition';
import { allowedTypos, editDistance } from './edit-distance';
import type { TextMatch } from '../../definition/recognizers/text-match';

/** A value found: `value` is canonical, `original` the words the user wrote. */
export type ValueMatch = TextMatch & { original: string };

type Word = { text: string; start: number; end: number };
type Phrase = { value: string; words: readonly string[] };
type Candidate = ValueMatch & { words: number; cost: number };

const ARTICLES = new Set(['a', 'an', 'the']);

/** The best value of the slot type in the text: the longest phrase, then the closest, then the first; undefined when none is close. */
export function recognizeValue(slotType: SlotTypeDefinition, text: string): ValueMatch | undefined {
  const words = wordsOf(text).filter((word) => !ARTICLES.has(word.text));
  let best: Candidate | undefined;
  for (const phrase of phrasesOf(slotType)) {
    for (let first = 0; first + phrase.words.length <= words.length; first += 1) {
      const candidate = matchAt(phrase, words, first, text);
      if (candidate && (!best || better(candidate, best))) best = candidate;
    }
  }
  return best && { value: best.value, original: best.original, start: best.start, end: best.end };
}

/** Phrases per slot type, split into words once. */
const phraseCache = new WeakMap<SlotTypeDefinition, Phrase[]>();

function phrasesOf(slotType: SlotTypeDefinition): Phrase[] {
  const cached = phraseCache.get(slotType);
  if (cached) return cached;
  const phrases = slotType.values.flatMap(({ value, synonyms }) =>
    [value, ...synonyms]
      .map((phrase) => ({
        value,
        words: wordsOf(phrase)
          .map((word) => word.text)
          .filter((word) => !ARTICLES.has(word)),
      }))
      .filter((phrase) => phrase.words.length > 0),
  );
  phraseCache.set(slotType, phrases);
  return phrases;
}

function matchAt(phrase: Phrase, words: readonly Word[], first: number, text: string): Candidate | undefined {
  let cost = 0;
  for (let offset = 0; offset < phrase.words.length; offset += 1) {
    const wordCost = cachedWordCost(words[first + offset].text, phrase.words[offset]);
    if (wordCost === undefined) return undefined;
    cost += wordCost;
  }
  const start = words[first].start;
  const end = words[first + phrase.words.length - 1].end;
  return { value: phrase.value, original: text.slice(start, end), start, end, words: phrase.words.length, cost };
}

/** Word costs already computed, by written then expected word (the least recently written words go first). */
const costCache = new LRUCache<string, Map<string, number | undefined>>({ max: 20_000 });

function cachedWordCost(written: string, expected: string): number | undefined {
  let costs = costCache.get(written);
  if (!costs) {
    costs = new Map();
    costCache.set(written, costs);
  }
  if (costs.has(expected)) return costs.get(expected);
  const cost = wordCostOf(written, expected);
  costs.set(expected, cost);
  return cost;
}

/** 0 for the same word, a little for a plural, 1 per edit for a typo; undefined when too far apart. */
function wordCostOf(written: string, expected: string): number | undefined {
  if (written === expected) return 0;
  if (Math.abs(written.length - expected.length) > 2) return undefined;
  if (written[0] !== expected[0] && written[1] !== expected[1] && written.at(-1) !== expected.at(-1)) return undefined;
  if (singular(written) === singular(expected)) return 0.25;
  const limit = Math.min(allowedTypos(written), allowedTypos(expected));
  if (limit === 0) return undefined;
  const distance = editDistance(written, expected, limit);
  return distance <= limit ? distance : undefined;
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function better(candidate: Candidate, best: Candidate): boolean {
  if (candidate.words !== best.words) return candidate.words > best.words;
  if (candidate.cost !== best.cost) return candidate.cost < best.cost;
  return candidate.start < best.start;
}

function wordsOf(text: string): Word[] {
  return [...text.toLowerCase().matchAll(/[a-z0-9]+/g)].map((match) => ({
    text: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
}
