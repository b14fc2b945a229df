/**
 * Intrinsics for data encoding and decoding (Base64 of UTF-8 text).
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 */
import { expectArgumentCount, stringArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { MAX_BASE64_INPUT_CHARS } from './intrinsic-limits';

/** Standard alphabet, optional padding (as Java's Base64 decoder accepts). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function limitedInput(name: string, input: string): string {
  if (input.length > MAX_BASE64_INPUT_CHARS) {
    throw intrinsicFailure(name, `the input has ${input.length} characters, more than the maximum of ${MAX_BASE64_INPUT_CHARS}`);
  }
  return input;
}

/** States.Base64Encode(text): the Base64 encoding of the text's UTF-8 bytes. */
export const statesBase64Encode: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  return Buffer.from(limitedInput(name, stringArgument(name, args, 0)), 'utf8').toString('base64');
};

/** States.Base64Decode(base64): the UTF-8 text the Base64 string encodes. */
export const statesBase64Decode: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1);
  const encoded = limitedInput(name, stringArgument(name, args, 0));
  if (!BASE64.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) {
    throw intrinsicFailure(name, 'the input is not valid Base64');
  }
  return Buffer.from(encoded, 'base64').toString('utf8');
};
