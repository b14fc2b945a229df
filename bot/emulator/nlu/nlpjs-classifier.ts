/** nlp.js's neural intent classifier, trained in memory: no model file, no console output. */
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';

const LOCALE = 'en';

/** A training utterance (already reduced to classification words) and its intent. */
export type TrainingDocument = { intent: string; text: string };

/** Scores per intent for a text, summing to 1 with nlp.js's own `None` (which is dropped here). */
export type NlpjsClassifier = { classify(text: string): Promise<Map<string, number>> };

/** Trains nlp.js on the documents (tens of milliseconds for a few hundred). */
export async function trainNlpjsClassifier(documents: readonly TrainingDocument[]): Promise<NlpjsClassifier> {
  const container = containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: [LOCALE], autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false } });
  for (const { intent, text } of documents) nlp.addDocument(LOCALE, text, intent);
  await nlp.train();
  return {
    async classify(text) {
      const { classifications } = await nlp.process(LOCALE, text);
      return new Map(classifications.filter(({ intent }) => intent !== 'None').map(({ intent, score }) => [intent, score]));
    },
  };
}
