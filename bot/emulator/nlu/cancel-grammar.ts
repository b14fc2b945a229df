/** The cancel grammar: Lex's AMAZON.CancelIntent phrasings plus the bot's own CancelIntent utterances. */
import { coveredByPhrases, phraseText } from './phrase-text';

/** AMAZON.CancelIntent's phrasings (https://docs.aws.amazon.com/lexv2/latest/dg/built-in-intent-cancel.html) and close variants. */
const CANCEL_PHRASES = [
  'cancel',
  'cancel that',
  'cancel it',
  'cancel this',
  'cancel everything',
  'cancel the request',
  'never mind',
  'nevermind',
  'nvm',
  'forget it',
  'forget about it',
  'forget that',
  'forget this',
  'scratch that',
  'quit',
  'exit',
  'leave it',
  'drop it',
  'i changed my mind',
  'changed my mind',
  'abort that',
  "let's stop",
  'stop this conversation',
  'start over',
];
/** Words around a cancel that change nothing: "oh, never mind then". */
const FILLERS = [
  'oh',
  'ok',
  'okay',
  'actually',
  'please',
  'thanks',
  'thank you',
  'then',
  'just',
  'no',
  'um',
  'hmm',
  'well',
  'sorry',
  'all',
  'ah',
];
const FILLER_PHRASES: ReadonlySet<string> = new Set(FILLERS);

/**
 * A test for "drop the dialog": a cancel phrase with fillers only around it. "cancel that run" is
 * not one (it names a run), nor are "stop" and "stop it", which after a status answer mean StopRun.
 */
export function cancelGrammar(extraPhrases: readonly string[] = []): (text: string) => boolean {
  const phrases: ReadonlySet<string> = new Set([...CANCEL_PHRASES, ...extraPhrases.map(phraseText), ...FILLERS]);
  return (text) => {
    const words = phraseText(text);
    return coveredByPhrases(words, phrases) && !coveredByPhrases(words, FILLER_PHRASES);
  };
}
