/**
 * Intrinsics for math operations, on 32-bit integers; fractional arguments are rounded half up.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
 */
import { randomInt } from 'node:crypto';
import { expectArgumentCount, integerArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { INT32_MAX, INT32_MIN } from './intrinsic-limits';
import { JavaRandom } from './java-random';

const INT32 = { min: INT32_MIN, max: INT32_MAX };

/**
 * States.MathRandom(start, end[, seed]): an integer in `[start, end)`. With a seed the result is
 * deterministic (java.util.Random's sequence); without one it comes from node:crypto.
 */
export const statesMathRandom: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2, 3);
  const start = integerArgument(name, args, 0, INT32);
  const end = integerArgument(name, args, 1, INT32);
  const seed = args.length === 3 ? integerArgument(name, args, 2) : undefined;
  const bound = end - start;
  if (bound <= 0) throw intrinsicFailure(name, `the end (${end}) must be greater than the start (${start})`);
  if (bound > INT32_MAX) throw intrinsicFailure(name, `the range from ${start} to ${end} is too large`);
  return start + (seed === undefined ? randomInt(bound) : new JavaRandom(seed).nextInt(bound));
};

/** States.MathAdd(a, b): the sum of the two (rounded) integers. */
export const statesMathAdd: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  return integerArgument(name, args, 0, INT32) + integerArgument(name, args, 1, INT32);
};
