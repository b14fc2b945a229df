import { VerifiedTokenCache } from '../../../api/auth/verified-token-cache';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('VerifiedTokenCache', () => {
  it('shares one frozen caller that keeps when the token expires', () => {
    const cache = new VerifiedTokenCache(() => T0);

    const shared = cache.set('token-a', { user: 'vera', groups: ['viewers'], expiresAt: T0 + 30_000 });

    expect(shared).toStrictEqual({ user: 'vera', groups: ['viewers'], expiresAt: T0 + 30_000 });
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.groups)).toBe(true);
    expect(cache.get('token-a')).toBe(shared);
  });

  it('forgets a token when it expires, and after a minute at most', () => {
    let now = T0;
    const cache = new VerifiedTokenCache(() => now);
    cache.set('short', { user: 'vera', groups: [], expiresAt: T0 + 10_000 });
    cache.set('long', { user: 'vera', groups: [], expiresAt: T0 + 3_600_000 });

    now = T0 + 10_000;
    const short = cache.get('short');
    const longAfterTenSeconds = cache.get('long');
    now = T0 + 60_000;
    const longAfterAMinute = cache.get('long');

    expect(short).toBeUndefined();
    expect(longAfterTenSeconds).toMatchObject({ user: 'vera' });
    expect(longAfterAMinute).toBeUndefined();
  });
});
