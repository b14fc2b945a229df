/**
 * LEX.md §10 step 2: what this utterance means given the previous dialog action. Continue an
 * elicitation or confirmation, switch intents, re-ask (Retry1..n), fall back after the retries, or
 * recognize a new intent (FallbackIntent below the confidence threshold). Cancel phrases close an
 * open dialog first, even while a FreeFormInput slot is elicited (a documented divergence: on AWS
 * "cancel" would become the slot value).
 */
import { intentNamed, type BotDefinition, type IntentDefinition, type SlotDefinition } from '../definition/bot-definition';
import type { LexIntent, LexSessionState, LexSlotValue } from '../definition/lex-types';
import { newIntent, scalarSlot } from './intent-with-all-slots';
import { DEFAULT_MAX_RETRIES } from './runtime-defaults';
import { promptKey, type PendingPrompt } from './stored-session';
import type { RankedIntent, Understanding } from './understanding';
import { cancelIntentOf, fallbackIntentOf } from './with-fallback-intent';

/** A prompt Lex asks again because the answer did not fit. */
export type RetryPrompt = { type: 'ElicitSlot'; slotName: string; retries: number } | { type: 'ConfirmIntent'; retries: number };

/** What the utterance means. */
export type UnderstoodTurn = {
  definition: IntentDefinition;
  /** The intent after this turn's slot capture or confirmation answer. */
  intent: LexIntent;
  /** The active intent's confidence (undefined for FallbackIntent, which Lex gives no score). */
  score: number | undefined;
  /** The other intents the classifier ranked, best first. */
  ranked: RankedIntent[];
  /** The previous turn's intent goes on (the hook event then shows the previous dialog action). */
  continued: boolean;
  retry?: RetryPrompt;
};

/** Inputs of understandTurn. */
export type UnderstandTurnInput = {
  bot: BotDefinition;
  understanding: Understanding;
  state: LexSessionState;
  prompt: PendingPrompt | undefined;
  text: string;
};

/** The continuing intent's confidence: Lex reports the intent it is eliciting for as certain. */
const CONTINUED_SCORE = 1;
const FREE_FORM_INPUT = 'AMAZON.FreeFormInput';

function isOpen(state: LexSessionState): boolean {
  const type = state.dialogAction?.type;
  const intentState = state.intent?.state;
  return (type === 'ElicitSlot' || type === 'ConfirmIntent') && intentState !== 'Fulfilled' && intentState !== 'Failed';
}

function extracted(understanding: Understanding, definition: IntentDefinition, text: string): Record<string, LexSlotValue> {
  const values = understanding.extractSlots(definition, text);
  return Object.fromEntries(Object.entries(values).filter(([name]) => definition.slots.some((slot) => slot.name === name)));
}

/** `intent` with its unfilled slots taken from the utterance (an answer may carry more than the asked slot). */
function fillUnfilled(intent: LexIntent, values: Record<string, LexSlotValue>, except?: string): LexIntent {
  const slots = { ...intent.slots };
  for (const [name, value] of Object.entries(values)) if (name !== except && !slots[name]?.value) slots[name] = scalarSlot(value);
  return { ...intent, slots };
}

/** The elicited slot's value: the slot type's resolution, or the whole text for FreeFormInput. */
function elicitedValue(understanding: Understanding, slot: SlotDefinition, text: string): LexSlotValue | undefined {
  const value = understanding.resolveElicited(slot, text);
  if (value || slot.slotType !== FREE_FORM_INPUT) return value;
  return { originalValue: text, interpretedValue: text, resolvedValues: [text] };
}

/** Ranks the utterance against the bot's ordinary intents (FallbackIntent and CancelIntent have their own rules). */
async function rank(bot: BotDefinition, understanding: Understanding, text: string): Promise<RankedIntent[]> {
  const ranked = await understanding.rankIntents(text);
  return ranked
    .filter((entry) => {
      const definition = intentNamed(bot, entry.name);
      return definition !== undefined && definition.parentIntentSignature === undefined;
    })
    .sort((a, b) => b.score - a.score);
}

/** What the utterance means, given the session's previous dialog action (LEX.md §10 step 2). */
export async function understandTurn({ bot, understanding, state, prompt, text }: UnderstandTurnInput): Promise<UnderstoodTurn> {
  const ranked = await rank(bot, understanding, text);
  const start = (definition: IntentDefinition, score: number | undefined): UnderstoodTurn => ({
    definition,
    intent: newIntent(definition, definition.parentIntentSignature ? {} : extracted(understanding, definition, text)),
    score,
    ranked,
    continued: false,
  });
  const fallback = () => start(fallbackIntentOf(bot), undefined);
  const switchTarget = (current: string) => {
    const top = ranked[0];
    return top && top.score >= bot.nluConfidenceThreshold && top.name !== current ? intentNamed(bot, top.name) : undefined;
  };
  const retriesOf = (key: string) => (prompt?.key === key ? prompt.retries : 0) + 1;
  const cancel = cancelIntentOf(bot);
  const current = state.intent;
  const definition = current ? intentNamed(bot, current.name) : undefined;

  if (isOpen(state) && current && definition) {
    if (cancel && understanding.isCancel(text)) return start(cancel, CONTINUED_SCORE);
    const continued = (intent: LexIntent, retry?: RetryPrompt): UnderstoodTurn => ({
      definition,
      intent,
      score: CONTINUED_SCORE,
      ranked,
      continued: true,
      retry,
    });
    if (state.dialogAction?.type === 'ElicitSlot') {
      const slot = definition.slots.find((candidate) => candidate.name === state.dialogAction?.slotToElicit);
      if (slot) {
        const value = elicitedValue(understanding, slot, text);
        if (value) {
          const answered = { ...current, slots: { ...current.slots, [slot.name]: scalarSlot(value) } };
          return continued(
            slot.slotType === FREE_FORM_INPUT ? answered : fillUnfilled(answered, extracted(understanding, definition, text), slot.name),
          );
        }
        const target = switchTarget(current.name);
        if (target) return start(target, ranked[0]?.score);
        const retries = retriesOf(promptKey('ElicitSlot', current.name, slot.name));
        if (retries > slot.maxRetries) return fallback();
        return continued(current, { type: 'ElicitSlot', slotName: slot.name, retries });
      }
    } else {
      const answer = understanding.confirmation(text);
      if (answer) return continued({ ...current, confirmationState: answer === 'yes' ? 'Confirmed' : 'Denied' });
      const target = switchTarget(current.name);
      if (target) return start(target, ranked[0]?.score);
      const retries = retriesOf(promptKey('ConfirmIntent', current.name));
      if (retries > (definition.confirmation?.maxRetries ?? DEFAULT_MAX_RETRIES)) return fallback();
      return continued(current, { type: 'ConfirmIntent', retries });
    }
  }

  const delegated =
    state.dialogAction?.type === 'Delegate' && current && definition && current.state !== 'Fulfilled' && current.state !== 'Failed';
  if (delegated)
    return {
      definition,
      intent: fillUnfilled(current, extracted(understanding, definition, text)),
      score: CONTINUED_SCORE,
      ranked,
      continued: true,
    };

  if (cancel && understanding.isCancel(text)) return start(cancel, CONTINUED_SCORE);
  const top = ranked[0];
  if (!top || top.score < bot.nluConfidenceThreshold) return fallback();
  const topDefinition = intentNamed(bot, top.name);
  return topDefinition ? start(topDefinition, top.score) : fallback();
}
