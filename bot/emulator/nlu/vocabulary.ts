/** The training vocabulary: which words the intents use, to fix typos and to weigh how much of an utterance the bot understands. */
import { allowedTypos, editDistance } from './edit-distance';

/** Words that carry no intent on their own; they neither count as understood nor as unknown. */
const FUNCTION_WORDS = new Set(
  (
    'a an the to of in on at for with from by about into as and or but so if then than now just also too very really please thanks thank hi hey hello ' +
    'i me my mine we us our you your it its this that these those there here he she they them their is are am be been being was were do does did ' +
    'done can could would will should shall may might must have has had what which who whom whose when where why how any all some each every ' +
    'no not yes one ones get got let up out over again still yet'
  ).split(' '),
);

/** Counts of each word per intent, with typo correction and an evidence measure. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly intentsByWord = new Map<string, Set<string>>();
  private readonly intents = new Set<string>();

  /** Records the words of one training utterance of `intent`. */
  add(intent: string, words: readonly string[]): void {
    this.intents.add(intent);
    for (const word of words) {
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      const intents = this.intentsByWord.get(word) ?? new Set<string>();
      intents.add(intent);
      this.intentsByWord.set(word, intents);
    }
  }

  /** The word itself when known or too short to judge, else the most frequent known word within its typo allowance ("stauts" → "status"). */
  correct(word: string): string {
    if (this.counts.has(word) || /\d/.test(word)) return word;
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
   * specificity (1 when one intent uses it, less the more intents share it), each unknown content
   * word counts against; an utterance of function words only explains nothing.
   */
  evidence(words: readonly string[], neutral: ReadonlySet<string>, unknownWeight: number): number {
    let known = 0;
    let unknown = 0;
    for (const word of words) {
      if (FUNCTION_WORDS.has(word) || neutral.has(word)) continue;
      const intents = this.intentsByWord.get(word);
      if (intents) known += this.specificity(intents.size);
      else unknown += 1;
    }
    return known === 0 ? 0 : known / (known + unknownWeight * unknown);
  }

  private specificity(intentCount: number): number {
    const total = Math.max(this.intents.size, 2);
    return Math.max(0.2, Math.log(total / intentCount) / Math.log(total));
  }
}
