import { JavaRandom } from '../../../../workflows/engine/intrinsics/java-random';

describe('JavaRandom', () => {
  // Values printed by OpenJDK: new Random(seed).nextInt(bound).
  it.each([
    [42, 10, 0],
    [0, 10, 0],
    [42, 16, 11],
  ])('new Random(%p).nextInt(%p) is %p', (seed, bound, expected) => {
    const random = new JavaRandom(seed);

    const value = random.nextInt(bound);

    expect(value).toBe(expected);
  });

  it('repeats the sequence for the same seed', () => {
    const first = new JavaRandom(7);
    const second = new JavaRandom(7);

    const draws = [first.nextInt(1000), first.nextInt(1000), first.nextInt(1000)];

    expect([second.nextInt(1000), second.nextInt(1000), second.nextInt(1000)]).toStrictEqual(draws);
  });

  it('rejects a bound that is not a positive integer', () => {
    const random = new JavaRandom(1);

    expect(() => random.nextInt(0)).toThrow(RangeError);
  });
});
