import type { StateType } from '../../asl';

/** The eight state types of ASL (https://states-language.net/spec.html#state-types). */
export const STATE_TYPES: readonly StateType[] = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

/** Whether `value` names one of the eight ASL state types. */
export function isStateType(value: unknown): value is StateType {
  return (STATE_TYPES as readonly unknown[]).includes(value);
}

/** The states that may carry Retry and Catch (https://states-language.net/spec.html#errors). */
export const ERROR_HANDLING_TYPES: readonly StateType[] = ['Task', 'Parallel', 'Map'];

/** The states that end or branch without `Next`/`End`. */
export const NON_TRANSITIONING_TYPES: readonly StateType[] = ['Choice', 'Succeed', 'Fail'];
