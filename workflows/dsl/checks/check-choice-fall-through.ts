/**
 * `choice-fall-through` (warning): a Choice without Default fails the execution with States.NoChoiceMatched
 * when no rule matches (https://states-language.net/spec.html#choice-state).
 */
import type { Check } from './check';
import { finding } from './finding';

/** Warns about each Choice state that has no Default to fall back on. */
export const checkChoiceFallThrough: Check = (machine) =>
  machine.states
    .filter(({ state }) => state.Type === 'Choice' && state.Default === undefined)
    .map(({ path }) =>
      finding(
        'choice-fall-through',
        path,
        'Choice has no Default: when no rule matches, the execution fails with States.NoChoiceMatched',
        'warning',
      ),
    );
