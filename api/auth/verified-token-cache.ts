/**
 * Callers of recently verified tokens, so a client polling with the same token is not re-verified
 * on every request. Keyed by the whole token text, so only that exact signed token hits; an entry
 * lives until the token expires but at most a minute, which bounds how long a signing key the
 * issuer withdraws keeps being honoured.
 */
import { LRUCache } from 'lru-cache';
import type { Caller } from '../errors';

const MAX_AGE_MS = 60_000;
const CAPACITY = 10_000;

type Entry = { caller: Caller; until: number };

export class VerifiedTokenCache {
  private readonly entries = new LRUCache<string, Entry>({ max: CAPACITY });

  constructor(private readonly now: () => number = Date.now) {}

  /** The caller of a token verified before and not expired since. */
  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.caller;
    this.entries.delete(token);
    return undefined;
  }

  /** Remembers a verified token's caller until its `expiresAt` (none: the maximum age); returns the frozen caller every request shares. */
  set(token: string, caller: Caller): Caller {
    const { user, groups, expiresAt } = caller;
    const shared: Caller = Object.freeze({ user, groups: Object.freeze([...groups]), ...(expiresAt === undefined ? {} : { expiresAt }) });
    const until = Math.min(expiresAt ?? Number.POSITIVE_INFINITY, this.now() + MAX_AGE_MS);
    if (until <= this.now()) return shared;
    this.entries.set(token, { caller: shared, until });
    return shared;
  }
}
