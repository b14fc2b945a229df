/**
 * AWS's limits on intrinsic functions.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

/** Intrinsic calls may nest up to 10 deep within one field. */
export const MAX_INTRINSIC_NESTING = 10;

/** States.ArrayRange can't produce more than 1000 items. */
export const MAX_ARRAY_RANGE_ITEMS = 1000;

/** States.Base64Encode and States.Base64Decode take up to 10,000 characters. */
export const MAX_BASE64_INPUT_CHARS = 10_000;

/** States.Hash takes up to 10,000 characters of data. */
export const MAX_HASH_INPUT_CHARS = 10_000;

/** The smallest argument of States.MathAdd and States.MathRandom (Java `int`). */
export const INT32_MIN = -2_147_483_648;

/** The largest argument of States.MathAdd and States.MathRandom (Java `int`). */
export const INT32_MAX = 2_147_483_647;
