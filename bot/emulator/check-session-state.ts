/** Checks a parsed SessionState against the bot: intents and slots exist, and each dialog action has what it needs (LEX.md §4, §7). */
import { intentNamed, type BotDefinition } from '../definition/bot-definition';
import type { LexSessionState } from '../definition/lex-types';
import type { Fail } from './errors';

/** Fails on an unknown intent or slot name, ElicitSlot without a slot of the intent, or an action without its intent. */
export function checkSessionState(state: LexSessionState, bot: BotDefinition, path: string, fail: Fail): void {
  const { intent, dialogAction } = state;
  if (intent) {
    const definition = intentNamed(bot, intent.name);
    if (!definition) return fail(`${path}.intent.name: no intent ${intent.name} in bot ${bot.name}`);
    for (const slotName of Object.keys(intent.slots ?? {})) {
      if (!definition.slots.some((slot) => slot.name === slotName))
        fail(`${path}.intent.slots: intent ${intent.name} has no slot ${slotName}`);
    }
  }
  if (!dialogAction) return;
  const needsIntent = dialogAction.type === 'ElicitSlot' || dialogAction.type === 'ConfirmIntent' || dialogAction.type === 'Delegate';
  if (needsIntent && !intent) fail(`${path}.intent is required when dialogAction.type is ${dialogAction.type}`);
  if (dialogAction.type !== 'ElicitSlot' || !intent) return;
  if (dialogAction.slotToElicit === undefined)
    return fail(`${path}.dialogAction.slotToElicit is required when dialogAction.type is ElicitSlot`);
  const definition = intentNamed(bot, intent.name);
  if (!definition?.slots.some((slot) => slot.name === dialogAction.slotToElicit))
    fail(`${path}.dialogAction.slotToElicit: intent ${intent.name} has no slot ${dialogAction.slotToElicit}`);
}
