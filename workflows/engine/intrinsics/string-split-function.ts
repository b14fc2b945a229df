/**
 * The intrinsic for string operation.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-string-operation
 */
import { expectArgumentCount, stringArgument } from './intrinsic-arguments';
import type { IntrinsicFunction } from './intrinsic-function';

/**
 * States.StringSplit(text, delimiters): the non-empty pieces between any of the delimiter
 * characters, like Java's StringTokenizer (AWS: ",,,," gives [] and ".+,=" splits on each of
 * the four characters; intrinsic_functions/test_string_split_*).
 */
export const statesStringSplit: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  const text = stringArgument(name, args, 0);
  const delimiters = new Set(stringArgument(name, args, 1));
  const pieces: string[] = [];
  let piece = '';
  for (const char of text) {
    if (delimiters.has(char)) {
      if (piece) pieces.push(piece);
      piece = '';
    } else {
      piece += char;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
};
