/**
 * `duplicate-state-name`: state names must be unique across the whole machine, nested Parallel branches
 * and Map processors included (https://states-language.net/spec.html#states-fields).
 */
import type { Check } from './check';
import { finding } from './finding';

/** Reports every later use of a state name, naming where it was first used. */
export const checkDuplicateStateNames: Check = (machine) => {
  const firstUse = new Map<string, readonly string[]>();
  return machine.states.flatMap(({ name, path }) => {
    const first = firstUse.get(name);
    if (first === undefined) {
      firstUse.set(name, path);
      return [];
    }
    return [
      finding(
        'duplicate-state-name',
        path,
        `State name "${name}" is already used at ${first.join(' › ')}; state names must be unique across the whole state machine, including Parallel branches and Map processors`,
      ),
    ];
  });
};
