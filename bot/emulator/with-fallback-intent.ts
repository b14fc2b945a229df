/** Lex requires a FallbackIntent in every locale; a bot definition without one gets a plain built-in one here. */
import type { BotDefinition, IntentDefinition } from '../definition/bot-definition';

/** The built-in FallbackIntent's name. */
export const FALLBACK_INTENT_NAME = 'FallbackIntent';

/** The bot with a FallbackIntent (no hooks) appended when it declares none. */
export function withFallbackIntent(bot: BotDefinition): BotDefinition {
  if (bot.intents.some((intent) => intent.parentIntentSignature === 'AMAZON.FallbackIntent')) return bot;
  const fallback: IntentDefinition = {
    name: FALLBACK_INTENT_NAME,
    description: 'Built-in fallback',
    parentIntentSignature: 'AMAZON.FallbackIntent',
    sampleUtterances: [],
    slots: [],
    dialogCodeHook: false,
    fulfillmentCodeHook: false,
  };
  return { ...bot, intents: [...bot.intents, fallback] };
}

/** The bot's FallbackIntent (after withFallbackIntent there is always one). */
export function fallbackIntentOf(bot: BotDefinition): IntentDefinition {
  const fallback = bot.intents.find((intent) => intent.parentIntentSignature === 'AMAZON.FallbackIntent');
  if (!fallback) throw new Error(`Bot ${bot.name} has no FallbackIntent`);
  return fallback;
}

/** The bot's CancelIntent, if it declares one (cancel phrases are ordinary input without it). */
export function cancelIntentOf(bot: BotDefinition): IntentDefinition | undefined {
  return bot.intents.find((intent) => intent.parentIntentSignature === 'AMAZON.CancelIntent');
}
