/**
 * `retry-catch-not-allowed`: only Task, Parallel and Map states may have Retry or Catch
 * (https://states-language.net/spec.html#errors).
 */
import type { Check } from './check';
import { finding } from './finding';
import { ERROR_HANDLING_TYPES, isStateType } from './state-types';

/** Reports Retry and Catch fields on states that cannot fail with a retriable error. */
export const checkRetryCatch: Check = (machine) =>
  machine.states.flatMap(({ state, path }) => {
    const type = state.Type;
    if (!isStateType(type) || ERROR_HANDLING_TYPES.includes(type)) return [];
    return (['Retry', 'Catch'] as const)
      .filter((field) => state[field] !== undefined)
      .map((field) =>
        finding(
          'retry-catch-not-allowed',
          path,
          `${field} is not allowed on a ${type} state; only Task, Parallel and Map states can have Retry or Catch`,
        ),
      );
  });
