/**
 * The words the intent classifier sees: slot values replaced by placeholders (so it learns the
 * phrasing, not the ids or names), free text after a marker, payloads and leading greetings cut,
 * contractions and chat shorthand expanded. Training utterances and user input go through the same steps.
 */
import type { SlotTypeDefinition } from '../../definition/bot-definition';
import { recognizeAfterMarker } from '../../definition/recognizers/after-marker-recognizer';
import { recognizeRunInput } from '../../definition/recognizers/run-input-recognizer';
import { recognizeRunReference } from '../../definition/recognizers/run-reference-recognizer';
import { replaceMatch, type TextMatch } from '../../definition/recognizers/text-match';
import { recognizeValue } from './value-recognizer';

/** Placeholder words, one per recognizer kind (a `values` slot type uses its lower-cased name). */
export const PLACEHOLDERS = { runReference: 'runref', runInput: 'payload', afterMarker: 'freetext' } as const;

/** The placeholder of a `values` slot type. */
export const valuePlaceholder = (slotType: SlotTypeDefinition): string => slotType.name.toLowerCase();

/** Greetings at the start ("hi bot,", "good morning!"): small talk, no intent; a bare greeting leaves nothing to classify. */
const GREETING =
  /^\s*(?:(?:hi|hello|hey|hiya|yo|howdy|greetings|good\s+(?:morning|afternoon|evening|day))\b(?:\s+(?:there|bot|statecraft|team|all|folks|everyone))?[\s,.!:;-]*)+/i;

/** How often a recognizer may replace in one text (several ids or names in one request). */
const MAX_REPLACEMENTS = 5;

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon'?t\b/g, 'will not'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bain'?t\b/g, 'is not'],
  [/\blet'?s\b/g, 'let us'],
  [/\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)n'?t\b/g, '$1 not'],
  [/\b(what|how|where|who|it|that|there|here|when|why)'?s\b/g, '$1 is'],
  [/\bi'?m\b/g, 'i am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
];
const SHORTHAND: Readonly<Record<string, string>> = {
  pls: 'please',
  plz: 'please',
  plse: 'please',
  pleas: 'please',
  thx: 'thanks',
  ty: 'thanks',
  u: 'you',
  ur: 'your',
  r: 'are',
  okay: 'ok',
  k: 'ok',
  wanna: 'want to',
  gonna: 'going to',
  gimme: 'give me',
  lemme: 'let me',
  whats: 'what is',
  hows: 'how is',
  thats: 'that is',
  im: 'i am',
  lets: 'let us',
};

/** The classifier's words for a text; `valueTypes` are the slot types whose values become placeholders. */
export function classificationWords(text: string, valueTypes: readonly SlotTypeDefinition[]): string[] {
  let working = text.replace(/[’‘`]/g, "'").replace(GREETING, '');
  working = replaceOnce(working, recognizeRunInput(working), PLACEHOLDERS.runInput);
  working = replaceOnce(working, recognizeAfterMarker(working), PLACEHOLDERS.afterMarker);
  working = replaceAll(working, recognizeRunReference, PLACEHOLDERS.runReference);
  for (const slotType of valueTypes)
    working = replaceAll(working, (current) => recognizeValue(slotType, current), valuePlaceholder(slotType));
  let lower = working.toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) lower = lower.replace(pattern, replacement);
  return (lower.match(/[a-z0-9]+/g) ?? []).flatMap((word) => (SHORTHAND[word] ?? word).split(' '));
}

/** "not" joined to the word after it as an extra feature ("do not approve" → "do not notapprove"), since a bag of words loses the order. */
export function withNegations(words: readonly string[]): string[] {
  return words.map((word, index) => (index > 0 && (words[index - 1] === 'not' || words[index - 1] === 'never') ? `not${word}` : word));
}

function replaceOnce(text: string, match: TextMatch | undefined, placeholder: string): string {
  return match ? replaceMatch(text, match, ` ${placeholder} `) : text;
}

function replaceAll(text: string, recognize: (text: string) => TextMatch | undefined, placeholder: string): string {
  let working = text;
  for (let round = 0; round < MAX_REPLACEMENTS; round += 1) {
    const match = recognize(working);
    if (!match) break;
    working = replaceMatch(working, match, ` ${placeholder} `);
  }
  return working;
}
