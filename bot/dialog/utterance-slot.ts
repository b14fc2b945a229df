/**
 * Free-text slots read from the utterance itself. On Lex, AMAZON.FreeFormInput slots (Comment,
 * Reason, RunInput) are filled only when elicited, never from "reject r-9c1e22 because the canary
 * failed" (LEX.md §8.1); the code hook reads them from the transcript with the same recognizers the
 * local runtime uses, and hands them back to Lex in the slots so later turns keep them.
 */
import { recognizeAfterMarker } from '../definition/recognizers/after-marker-recognizer';
import { recognizeRunInput } from '../definition/recognizers/run-input-recognizer';
import type { DialogTurn } from './dialog-turn';

/** The free-text slots and how each is read. */
const READERS = {
  Comment: recognizeAfterMarker,
  Reason: recognizeAfterMarker,
  RunInput: recognizeRunInput,
} as const;

/** The slot's value, or what the utterance carries for it. */
export function utteranceSlot(turn: DialogTurn, name: keyof typeof READERS): string | undefined {
  return turn.slot(name) ?? READERS[name](turn.event.inputTranscript)?.value;
}

/** Slot changes that keep values read from the utterance (none for slots Lex already filled). */
export function keptUtteranceSlots(turn: DialogTurn, names: readonly (keyof typeof READERS)[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = turn.slot(name) === undefined ? utteranceSlot(turn, name) : undefined;
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}
