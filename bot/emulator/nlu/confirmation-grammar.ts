/** The yes/no grammar for confirmation prompts ("Start deploy-service now?"). */
import { coveredByPhrases, phraseText } from './phrase-text';

const YES = [
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'ya',
  'ye',
  'y',
  'sure',
  'ok',
  'okay',
  'k',
  'kk',
  'alright',
  'all right',
  'go ahead',
  'go for it',
  'go',
  'do it',
  'please do',
  'confirm',
  'confirmed',
  'i confirm',
  'absolutely',
  'definitely',
  'certainly',
  'of course',
  'correct',
  'right',
  "that's right",
  'that is right',
  'affirmative',
  'sounds good',
  'fine',
  'great',
  'perfect',
  'why not',
  'proceed',
  "let's go",
  'lets go',
  "let's do it",
  'lets do it',
  'start it',
  'run it',
  'make it so',
  'i do',
  'yes please',
  'sure thing',
  'by all means',
  'totally',
  'indeed',
  'exactly',
];
const NO = [
  'no',
  'nope',
  'nah',
  'naw',
  'n',
  "don't",
  'dont',
  'do not',
  "don't do it",
  'no thanks',
  'no thank you',
  'not now',
  'not yet',
  'negative',
  'never',
  'no way',
  'cancel that',
  'cancel',
  'wait',
  'hold on',
  'hang on',
  'absolutely not',
  'definitely not',
  'of course not',
  'certainly not',
  'i changed my mind',
  'changed my mind',
  "i don't",
  'i do not',
  "i'd rather not",
  'rather not',
  'better not',
  'not really',
  'no way',
  "let's not",
  'lets not',
  'skip it',
  'skip',
  'forget it',
  'never mind',
  'nevermind',
];
/** Words that change nothing: "yes please", "no thanks then" ("it" is not one: "ok it" approves a run). */
const FILLERS = ['please', 'thanks', 'thank you', 'then', 'now', 'mate', 'sir', 'oh', 'well', 'hmm', 'um', 'uh'];

const YES_PHRASES: ReadonlySet<string> = new Set([...YES, ...FILLERS]);
const NO_PHRASES: ReadonlySet<string> = new Set([...NO, ...FILLERS]);
const FILLER_PHRASES: ReadonlySet<string> = new Set(FILLERS);

/** "yes" when the text is only yes-words and fillers, "no" when only no-words and fillers, else undefined ("yes but tomorrow"). */
export function confirmationAnswer(text: string): 'yes' | 'no' | undefined {
  const words = phraseText(text);
  if (!words || coveredByPhrases(words, FILLER_PHRASES)) return undefined;
  const yes = coveredByPhrases(words, YES_PHRASES);
  const no = coveredByPhrases(words, NO_PHRASES);
  if (yes === no) return undefined;
  return yes ? 'yes' : 'no';
}
