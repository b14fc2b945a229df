/**
 * `missing-transition`: Pass, Task, Wait, Parallel and Map states need exactly one of `Next` and `End: true`;
 * Choice, Succeed and Fail take neither (https://states-language.net/spec.html#transition).
 */
import type { Check } from './check';
import { finding } from './finding';
import { NON_TRANSITIONING_TYPES, isStateType } from './state-types';

const CODE = 'missing-transition';

/** Reports states that would have nowhere to go, or are told both to go on and to stop. */
export const checkMissingTransitions: Check = (machine) =>
  machine.states.flatMap(({ state, path }) => {
    const type = state.Type;
    if (!isStateType(type)) return [];
    const hasNext = state.Next !== undefined;
    const hasEnd = state.End === true;
    if (NON_TRANSITIONING_TYPES.includes(type)) {
      const field = hasNext ? 'Next' : state.End !== undefined ? 'End' : undefined;
      if (field === undefined) return [];
      const why = type === 'Choice' ? 'its rules and Default choose the next state' : 'it ends the execution';
      return [finding(CODE, path, `A ${type} state cannot have ${field}: ${why}`)];
    }
    if (hasNext === hasEnd) {
      const which = hasNext ? 'both Next and End: true; keep' : 'neither Next nor End: true; add';
      return [finding(CODE, path, `${type} state has ${which} Next to continue or End: true to stop`)];
    }
    return [];
  });
