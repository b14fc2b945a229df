/** `trainUnderstanding(bot)`: the local stand-in for Lex's NLU, trained from the bot definition's sample utterances at start-up. */
import type { BotDefinition } from '../../definition/bot-definition';
import type { RankedIntent, Understanding } from '../understanding';
import { cancelGrammar } from './cancel-grammar';
import { confirmationAnswer } from './confirmation-grammar';
import { trainIntentClassifier } from './intent-classifier';
import { readElicitedSlot, readSlots } from './slot-reader';

/** A bare yes or no outside a question is no request: its scores are scaled by this, under any sensible threshold. */
const BARE_ANSWER_WEIGHT = 0.25;

/** Trains the intent classifier (well under a second) and wires the slot recognizers and the yes/no and cancel grammars. */
export async function trainUnderstanding(bot: BotDefinition): Promise<Understanding> {
  const classifier = await trainIntentClassifier(bot);
  const cancelUtterances = bot.intents
    .filter((intent) => intent.parentIntentSignature === 'AMAZON.CancelIntent')
    .flatMap((intent) => intent.sampleUtterances);
  const isCancel = cancelGrammar(cancelUtterances);
  const understanding: Understanding = {
    async rankIntents(text) {
      const ranked = await classifier.rank(text);
      return confirmationAnswer(text)
        ? ranked.map((intent): RankedIntent => ({ ...intent, score: intent.score * BARE_ANSWER_WEIGHT }))
        : ranked;
    },
    isCancel,
    confirmation: confirmationAnswer,
    extractSlots: (intent, text) => readSlots(bot, intent, text),
    resolveElicited: (slot, text) => readElicitedSlot(bot, slot, text),
  };
  await warmUp(bot, understanding);
  return understanding;
}

/** Runs one request per intent through every step, so the first user's turns do not pay for the JIT compiling the recognizers. */
async function warmUp(bot: BotDefinition, understanding: Understanding): Promise<void> {
  for (const intent of bot.intents) {
    const sample = (intent.sampleUtterances[0] ?? intent.name).replace(/\{(\w+)\}/g, 'r-0a1b2c');
    await understanding.rankIntents(`${sample} because it is fine`);
    understanding.extractSlots(intent, `${sample}, comment: ok {"a": 1}`);
    for (const slot of intent.slots) understanding.resolveElicited(slot, sample);
    understanding.isCancel(sample);
    understanding.confirmation(sample);
  }
}
