/**
 * A cache of values derived from text (parsed paths, intrinsic calls, compiled JSONata), keyed
 * by that text. It forgets everything once it holds `limit` entries, so definitions that keep
 * changing (an emulator running for days) cannot grow it without bound.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value cached for `key`, computed by `compute` on a miss (which may throw: nothing is cached then). */
  get(key: string, compute: (key: string) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) return cached as V;
    const value = compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
