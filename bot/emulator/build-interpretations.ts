/**
 * RecognizeText `interpretations` (LEX.md §3.2): the active intent first (FallbackIntent without
 * a score, as Lex inserts it), then the other ranked intents best first, at most 5. Only the first
 * carries `state` and `confirmationState`; the others carry the slots the utterance has for them.
 */
import { intentNamed, type BotDefinition } from '../definition/bot-definition';
import type { LexIntent, LexInterpretation } from '../definition/lex-types';
import { newIntent } from './intent-with-all-slots';
import { MAX_INTERPRETATIONS } from './runtime-defaults';
import type { RankedIntent, Understanding } from './understanding';

/** Inputs of buildInterpretations. */
export type InterpretationsInput = {
  bot: BotDefinition;
  understanding: Understanding;
  text: string;
  /** The intent Lex acts on, as it stands. */
  active: LexIntent;
  activeScore: number | undefined;
  ranked: readonly RankedIntent[];
};

/** The interpretations, best first, the active one first. */
export function buildInterpretations({ bot, understanding, text, active, activeScore, ranked }: InterpretationsInput): LexInterpretation[] {
  const first: LexInterpretation = { intent: active, interpretationSource: 'Lex' };
  if (activeScore !== undefined) first.nluConfidence = { score: activeScore };
  const others = ranked
    .filter((entry) => entry.name !== active.name)
    .slice(0, MAX_INTERPRETATIONS - 1)
    .flatMap((entry): LexInterpretation[] => {
      const definition = intentNamed(bot, entry.name);
      if (!definition) return [];
      const { name, slots } = newIntent(definition, understanding.extractSlots(definition, text));
      return [{ intent: { name, slots }, nluConfidence: { score: entry.score }, interpretationSource: 'Lex' }];
    });
  return [first, ...others];
}
