/**
 * What the local Lex runtime asks of natural-language understanding: rank the intents for an
 * utterance, and read slot values from it. Trained from the bot definition at start-up
 * (`trainUnderstanding` in ./nlu); Lex does the same with its own models on AWS.
 */
import type { IntentDefinition, SlotDefinition } from '../definition/bot-definition';
import type { LexSlotValue } from '../definition/lex-types';

/** An intent and how sure the classifier is of it (0..1). */
export type RankedIntent = { name: string; score: number };

export type Understanding = {
  /** Every intent of the bot except FallbackIntent and CancelIntent-like built-ins' grammar, best first, with scores in 0..1. */
  rankIntents(text: string): Promise<RankedIntent[]>;
  /** Whether the text is a cancel ("cancel", "never mind", "forget it"), checked before anything else while a dialog is open. */
  isCancel(text: string): boolean;
  /** A yes/no answer to a confirmation prompt ("yep, go ahead", "sure", "no thanks"), or undefined when unclear. */
  confirmation(text: string): 'yes' | 'no' | undefined;
  /** The slot values an utterance carries for `intent` (only the filled ones). */
  extractSlots(intent: IntentDefinition, text: string): Record<string, LexSlotValue>;
  /** The value of `slot` when the user was asked for it (the whole answer is about this slot), or undefined when it does not resolve. */
  resolveElicited(slot: SlotDefinition, text: string): LexSlotValue | undefined;
};
