import { BoundedCache } from '../../../workflows/engine/bounded-cache';

describe('BoundedCache', () => {
  it('computes a value once per key, undefined included', () => {
    const cache = new BoundedCache<string | undefined>(10);
    const computed: string[] = [];
    const compute = (key: string): string | undefined => {
      computed.push(key);
      return key.startsWith('$') ? key.toUpperCase() : undefined;
    };

    const values = ['$a', 'b', '$a', 'b'].map((key) => cache.get(key, compute));

    expect(values).toStrictEqual(['$A', undefined, '$A', undefined]);
    expect(computed).toStrictEqual(['$a', 'b']);
  });

  it('forgets everything once it holds its limit', () => {
    const cache = new BoundedCache<number>(2);
    let computations = 0;
    const compute = (key: string): number => {
      computations += 1;
      return key.length;
    };

    for (const key of ['a', 'bb', 'ccc', 'a']) cache.get(key, compute);

    expect(computations).toBe(4);
  });

  it('caches nothing when the computation throws', () => {
    const cache = new BoundedCache<number>(10);
    let attempts = 0;
    const compute = (): number => {
      attempts += 1;
      throw new Error('bad expression');
    };

    expect(() => cache.get('x', compute)).toThrow('bad expression');
    expect(() => cache.get('x', compute)).toThrow('bad expression');
    expect(attempts).toBe(2);
  });
});
