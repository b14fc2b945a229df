/**
 * A port of `java.util.Random` (48-bit linear congruential generator), so that a seeded
 * States.MathRandom gives the same number on every run, and plausibly the same as AWS's JVM.
 * https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/Random.html
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** Seeded pseudo-random integers with Java's exact sequence. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: number) {
    this.seed = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  }

  /** An integer in `[0, bound)`, as Java's `nextInt(int bound)`. */
  nextInt(bound: number): number {
    if (bound <= 0 || !Number.isInteger(bound)) throw new RangeError('bound must be a positive integer');
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      if (bits - value + (bound - 1) < 2 ** 31) return value;
    }
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }
}
