/**
 * A nearest-neighbour intent score: the cosine similarity (IDF-weighted word stems) of an
 * utterance to each intent's closest training utterance. Unlike nlp.js's relative scores it is
 * absolute, so it stays low for requests unlike anything the bot was taught.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';

/** Scores per intent in 0..1 for a text's words. */
export type SimilarityClassifier = { classify(words: readonly string[]): Map<string, number> };

type Vector = Map<string, number>;

/** Indexes the training utterances (words already normalised) by intent. */
export function trainSimilarityClassifier(documents: readonly { intent: string; words: readonly string[] }[]): SimilarityClassifier {
  const stemmer = new StemmerEn();
  const stems = (words: readonly string[]): Set<string> => new Set(stemmer.stem([...words]));
  const stemmed = documents.map(({ intent, words }) => ({ intent, stems: stems(words) }));
  const documentFrequency = new Map<string, number>();
  for (const { stems: set } of stemmed) for (const stem of set) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const idf = (stem: string): number => Math.log(1 + stemmed.length / (documentFrequency.get(stem) ?? 0.5));
  const vectorOf = (set: ReadonlySet<string>): Vector => unit(new Map([...set].map((stem) => [stem, idf(stem)])));
  const indexed = stemmed.map(({ intent, stems: set }) => ({ intent, vector: vectorOf(set) }));
  return {
    classify(words) {
      const vector = vectorOf(stems(words));
      const best = new Map<string, number>();
      for (const { intent, vector: other } of indexed) best.set(intent, Math.max(best.get(intent) ?? 0, dot(vector, other)));
      return best;
    },
  };
}

function unit(vector: Vector): Vector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : new Map([...vector].map(([key, value]) => [key, value / norm]));
}

function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [key, value] of a) sum += value * (b.get(key) ?? 0);
  return sum;
}
