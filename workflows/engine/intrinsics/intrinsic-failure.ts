/**
 * The States.IntrinsicFailure errors of intrinsic functions. AWS's recorded corpus holds no
 * failing intrinsic call, so these causes are ours (each names the function and the problem).
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { StatesError } from '../errors';

/** A States.IntrinsicFailure for a call of `name` whose arguments were rejected. */
export function intrinsicFailure(name: string, detail: string): StatesError {
  return new StatesError('States.IntrinsicFailure', `Invalid arguments in ${name}: ${detail}`);
}

/** A States.IntrinsicFailure for an expression that is not a well-formed intrinsic call. */
export function intrinsicSyntaxFailure(expression: string, detail: string): StatesError {
  return new StatesError('States.IntrinsicFailure', `Invalid intrinsic function call '${expression}': ${detail}`);
}
