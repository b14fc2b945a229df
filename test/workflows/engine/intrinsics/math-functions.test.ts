import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);

describe('math intrinsics', () => {
  // Sums recorded on AWS (intrinsic_functions/test_math_add_*): each argument is rounded half up.
  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
    [1.49, 0, 1],
    [1.5, 0, 2],
    [1.51, 0, 2],
    [-1.49, 0, -1],
    [-1.51, 0, -2],
    [3.5, 0, 4],
    [-0.5, 0.5, 1],
    [-0.5, 0, 0],
    [-2.5, 0, -2],
    [-3.5, 0, -3],
    [2_147_483_647, -1, 2_147_483_646],
  ])('States.MathAdd(%p, %p) is %p', (first, second, sum) => {
    const result = evaluate('States.MathAdd($.fst, $.snd)', { fst: first, snd: second });

    expect(result).toBe(sum);
  });

  it('draws States.MathRandom within [start, end)', () => {
    const draws = Array.from({ length: 200 }, () => evaluate('States.MathRandom(-3, 3)'));

    expect(draws.every((draw) => typeof draw === 'number' && Number.isInteger(draw) && draw >= -3 && draw < 3)).toBe(true);
  });

  it('draws the same number for the same seed', () => {
    const first = evaluate('States.MathRandom($.fst, $.snd, $.trd)', { fst: 0, snd: 999, trd: 3 });
    const second = evaluate('States.MathRandom(0, 999, 3)');

    expect(first).toBe(second);
    expect(first).toBe(new JavaRandomReference(3).nextIntInRange(0, 999));
  });

  it('rounds fractional bounds of States.MathRandom', () => {
    const result = evaluate('States.MathRandom(12.5, 13.6)');

    expect(result).toBe(13);
  });

  it.each<[string, string]>([
    ['States.MathAdd(1)', 'Invalid arguments in States.MathAdd: expected 2 arguments, got 1'],
    ["States.MathAdd('1', 2)", 'Invalid arguments in States.MathAdd: argument 1 must be an integer, got string'],
    ['States.MathAdd(1, null)', 'Invalid arguments in States.MathAdd: argument 2 must be an integer, got null'],
    [
      'States.MathAdd(2147483648, 1)',
      'Invalid arguments in States.MathAdd: argument 1 must be an integer between -2147483648 and 2147483647, got 2147483648',
    ],
    ['States.MathRandom(1)', 'Invalid arguments in States.MathRandom: expected 2 to 3 arguments, got 1'],
    ['States.MathRandom(1, 2, 3, 4)', 'Invalid arguments in States.MathRandom: expected 2 to 3 arguments, got 4'],
    ['States.MathRandom(5, 5)', 'Invalid arguments in States.MathRandom: the end (5) must be greater than the start (5)'],
    ["States.MathRandom(1, 5, 'seed')", 'Invalid arguments in States.MathRandom: argument 3 must be an integer, got string'],
    [
      'States.MathRandom(-2147483648, 2147483647)',
      'Invalid arguments in States.MathRandom: the range from -2147483648 to 2147483647 is too large',
    ],
  ])('fails %s with States.IntrinsicFailure', (expression, cause) => {
    const run = () => evaluate(expression);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});

/** java.util.Random written out independently with BigInt, as an oracle for the seeded draw. */
class JavaRandomReference {
  private seed: bigint;

  constructor(seed: number) {
    this.seed = (BigInt(seed) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }

  nextIntInRange(start: number, end: number): number {
    const bound = BigInt(end - start);
    for (;;) {
      this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
      const bits = this.seed >> 17n;
      const value = bits % bound;
      if (bits - value + (bound - 1n) < 1n << 31n) return start + Number(value);
    }
  }
}
