/**
 * The intrinsic for unique id generation.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-uuid-generate
 */
import { randomUUID } from 'node:crypto';
import { expectArgumentCount } from './intrinsic-arguments';
import type { IntrinsicFunction } from './intrinsic-function';

/** States.UUID(): a random version 4 UUID. */
export const statesUuid: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 0);
  return randomUUID();
};
