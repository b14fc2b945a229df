/** The training vocabulary: which words the intents use, to fix typos and to weigh how much of an utterance the bot understands. */
import { LRUCache } from 'lru-cache';
import { allowedTypos, editDistance } from './edit-distance';

/** Words that carry no intent on their own, request frames included ("tell me", "I need"); they neither count as understood nor as unknown. */
const FUNCTION_WORDS = new Set(
  (
    'a an the to of in on at for with from by about into as and or but so if then than now just also too very really please thanks thank cheers ' +
    'exactly actually basically kindly maybe perhaps quickly currently ever even right ' +
    'tell show give want need like know see ' +
    'i me my mine we us our you your it its this that these those there here he she they them their is are am be been being was were do does did ' +
    'done can could would will should shall may might must have has had what which who whom whose when where why how any all some each every ' +
    'no not yes one ones get got let up out over again still yet'
  ).split(' '),
);

/** How many unknown words' corrections are remembered before the memory is dropped. */
const CORRECTIONS_LIMIT = 10_000;

/** A typo fix explains half as much as the word typed right. */
const TYPO_FIX_WEIGHT = 0.5;

/** Words that stand for slot values (each counts as fully known) and words to ignore, and how much an unknown word weighs. */
export type VocabularyOptions = { placeholders: ReadonlySet<string>; neutral: ReadonlySet<string>; unknownWeight: number };

/** Counts of each word per intent, with typo correction and an evidence measure. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly intentsByWord = new Map<string, Set<string>>();
  private readonly intents = new Set<string>();
  private readonly corrections = new LRUCache<string, string>({ max: CORRECTIONS_LIMIT });

  constructor(private readonly options: VocabularyOptions) {}

  /** Records the words of one training utterance of `intent`. */
  add(intent: string, words: readonly string[]): void {
    this.corrections.clear();
    this.intents.add(intent);
    for (const word of words) {
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      const intents = this.intentsByWord.get(word) ?? new Set<string>();
      intents.add(intent);
      this.intentsByWord.set(word, intents);
    }
  }

  /**
   * The word itself when known or too short to judge, else the most frequent known word within its
   * typo allowance ("stauts" → "status"); four-letter words only by a swap ("lsit") and
   * three-letter ones by one missing letter ("hlp"), since other edits turn short words into too
   * many others ("game" is not "name").
   */
  correct(word: string): string {
    if (this.counts.has(word) || /\d/.test(word)) return word;
    const remembered = this.corrections.get(word);
    if (remembered !== undefined) return remembered;
    const corrected = this.closest(word);
    this.corrections.set(word, corrected);
    return corrected;
  }

  private closest(word: string): string {
    if (word.length === 3) return this.withOneMore(word) ?? word;
    if (word.length === 4) return this.swapped(word) ?? word;
    const limit = allowedTypos(word);
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [known, count] of this.counts) {
      if (Math.abs(known.length - word.length) > limit || allowedTypos(known) === 0) continue;
      const distance = editDistance(word, known, limit);
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: known, distance, count };
    }
    return best?.word ?? word;
  }

  /**
   * How much of the utterance the vocabulary explains, 0..1: each known content word adds its
   * specificity (1 when one intent uses it, less the more intents share it; half for a typo fix,
   * which may be a different word; 1 for a placeholder: a run id or workflow name is ours), each
   * unknown content word counts against. An utterance of function words only ("what can you do")
   * is left to the classifiers (1).
   */
  evidence(words: readonly string[], corrected: ReadonlySet<number>): number {
    const { placeholders, neutral, unknownWeight } = this.options;
    let known = 0;
    let unknown = 0;
    words.forEach((word, index) => {
      if (FUNCTION_WORDS.has(word) || neutral.has(word)) return;
      const intents = this.intentsByWord.get(word);
      if (placeholders.has(word)) known += 1;
      else if (intents) known += this.specificity(intents.size) * (corrected.has(index) ? TYPO_FIX_WEIGHT : 1);
      else unknown += 1;
    });
    if (known === 0) return unknown === 0 ? 1 : 0;
    return known / (known + unknownWeight * unknown);
  }

  /** The only known four-letter word that is this word with one letter added ("hlp" → "help"), if exactly one is. */
  private withOneMore(word: string): string | undefined {
    const candidates = [...this.counts.keys()].filter((known) => known.length === word.length + 1 && editDistance(word, known, 1) === 1);
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** A known word this one is with two neighbouring letters swapped ("lsit" → "list"). */
  private swapped(word: string): string | undefined {
    for (let index = 0; index + 1 < word.length; index += 1) {
      const candidate = `${word.slice(0, index)}${word[index + 1]}${word[index]}${word.slice(index + 2)}`;
      if (this.counts.has(candidate)) return candidate;
    }
    return undefined;
  }

  /** 1 for a word of one intent, falling with the log of how many share it, at least 0.2. */
  private specificity(intentCount: number): number {
    const total = Math.max(this.intents.size, 2);
    return Math.max(0.2, Math.log(total / intentCount) / Math.log(total));
  }
}
