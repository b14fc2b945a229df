/**
 * Intrinsics for JSON data manipulation.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
import type { JsonValue } from '../../asl';
import { booleanArgument, expectArgumentCount, objectArgument, stringArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';

/**
 * States.StringToJson(text): the parsed JSON. Blank text gives `null` and `-0` gives `0`, as
 * AWS recorded (LocalStack's test_string_to_json snapshots).
 */
export const statesStringToJson: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  const text = stringArgument(name, args, 0);
  if (text.trim() === '') return null;
  try {
    return normalizeZero(JSON.parse(text) as JsonValue);
  } catch {
    throw intrinsicFailure(name, 'the argument is not valid JSON text');
  }
};

/** States.JsonToString(value): compact JSON text. */
export const statesJsonToString: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  return JSON.stringify(args[0]?.value ?? null);
};

/**
 * States.JsonMerge(a, b, false): the keys of `a` then of `b`, `b` winning. AWS only supports the
 * shallow mode, so the third argument must be `false`.
 */
export const statesJsonMerge: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 3);
  const first = objectArgument(name, args, 0);
  const second = objectArgument(name, args, 1);
  if (booleanArgument(name, args, 2)) {
    throw intrinsicFailure(name, 'deep merging is not supported, the third argument must be false');
  }
  return { ...first, ...second };
};

function normalizeZero(value: JsonValue): JsonValue {
  return Object.is(value, -0) ? 0 : value;
}
