/**
 * Intrinsics for arrays.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
import type { JsonValue } from '../../asl';
import { arrayArgument, expectArgumentCount, integerArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { MAX_ARRAY_RANGE_ITEMS } from './intrinsic-limits';
import { jsonEquals } from './json-equals';

/** States.Array(values...): the arguments as an array. */
export const statesArray: IntrinsicFunction = (args) => args.map((arg) => arg.value);

/** States.ArrayPartition(array, chunkSize): consecutive chunks, the last one possibly shorter. */
export const statesArrayPartition: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  const array = arrayArgument(name, args, 0);
  const size = integerArgument(name, args, 1);
  if (size < 1) throw intrinsicFailure(name, `the chunk size must be greater than 0, got ${size}`);
  const chunks: JsonValue[] = [];
  for (let start = 0; start < array.length; start += size) chunks.push(array.slice(start, start + size));
  return chunks;
};

/** States.ArrayContains(array, value): whether an item equals `value` structurally. */
export const statesArrayContains: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  const array = arrayArgument(name, args, 0);
  const wanted = args[1]?.value ?? null;
  return array.some((item) => jsonEquals(item, wanted));
};

/** States.ArrayRange(first, last, step): from `first` to `last` inclusive, at most 1000 items. */
export const statesArrayRange: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 3);
  const first = integerArgument(name, args, 0);
  const last = integerArgument(name, args, 1);
  const step = integerArgument(name, args, 2);
  if (step === 0) throw intrinsicFailure(name, 'the step must not be 0');
  const count = Math.sign(last - first) === -Math.sign(step) ? 0 : Math.floor((last - first) / step) + 1;
  if (count > MAX_ARRAY_RANGE_ITEMS) {
    throw intrinsicFailure(name, `the range would have ${count} items, more than the maximum of ${MAX_ARRAY_RANGE_ITEMS}`);
  }
  return Array.from({ length: count }, (_, index) => first + index * step);
};

/** States.ArrayGetItem(array, index): the item at a 0-based index. */
export const statesArrayGetItem: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  const array = arrayArgument(name, args, 0);
  const index = integerArgument(name, args, 1);
  if (index < 0 || index >= array.length) {
    throw intrinsicFailure(name, `index ${index} is out of bounds for an array of length ${array.length}`);
  }
  return array[index] ?? null;
};

/** States.ArrayLength(array): the number of items. */
export const statesArrayLength: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  return arrayArgument(name, args, 0).length;
};

/** States.ArrayUnique(array): the items without duplicates, first occurrences in order. */
export const statesArrayUnique: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  const unique: JsonValue[] = [];
  for (const item of arrayArgument(name, args, 0)) {
    if (!unique.some((kept) => jsonEquals(kept, item))) unique.push(item);
  }
  return unique;
};
