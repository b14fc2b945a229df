/** The small part of @nlpjs (which ships no types) that the local NLU uses: https://github.com/axa-group/nlp.js/blob/master/docs/v4/nlp-intent-logics.md */
declare module '@nlpjs/core' {
  /** nlp.js's plugin container. */
  export type Container = { use(plugin: unknown): void };
  /** A container with the default normalizer, tokenizer, stemmer and logger registered. */
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/lang-en-min' {
  /** The English tokenizer, stemmer, stopwords and normalizer. */
  export const LangEn: unknown;
  /** The Snowball (Porter 2) English stemmer. */
  export class StemmerEn {
    stem(words: string[]): string[];
  }
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  /** One intent's share of the classification (the scores sum to 1, `None` included). */
  export type Classification = { intent: string; score: number };

  export type NlpSettings = {
    container: Container;
    languages: string[];
    autoSave: boolean;
    autoLoad: boolean;
    calculateSentiment: boolean;
    nlu: { log: boolean };
  };

  /** Trains a neural intent classifier from documents and classifies utterances. */
  export class Nlp {
    constructor(settings: Partial<NlpSettings>);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ classifications: Classification[] }>;
  }
}
