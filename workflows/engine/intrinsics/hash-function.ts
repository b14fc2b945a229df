/**
 * The intrinsic for hash calculation.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-hash-calc
 */
import { createHash } from 'node:crypto';
import { expectArgumentCount, stringArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { MAX_HASH_INPUT_CHARS } from './intrinsic-limits';

/** AWS's algorithm names and node:crypto's names for them. */
const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** States.Hash(data, algorithm): the lowercase hex digest of the data's UTF-8 bytes. */
export const statesHash: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 2);
  const data = stringArgument(name, args, 0);
  const algorithm = stringArgument(name, args, 1);
  const nodeAlgorithm = Object.hasOwn(HASH_ALGORITHMS, algorithm) ? HASH_ALGORITHMS[algorithm] : undefined;
  if (!nodeAlgorithm) {
    throw intrinsicFailure(name, `the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}, got '${algorithm}'`);
  }
  if (data.length > MAX_HASH_INPUT_CHARS) {
    throw intrinsicFailure(name, `the data has ${data.length} characters, more than the maximum of ${MAX_HASH_INPUT_CHARS}`);
  }
  return createHash(nodeAlgorithm).update(data, 'utf8').digest('hex');
};
