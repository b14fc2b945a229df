/**
 * The local runtime's sessions with a write-through memory cache in front of the table: every
 * write still goes to DynamoDB first (a restarted `make dev` continues the conversation), and
 * reads of sessions this process wrote skip the round trip. Safe because one local runtime owns
 * its sessions; the code hook's own store is never cached (Lambda instances share it on AWS).
 */
import type { ChatSessionStore } from '../dialog/chat-session-store';

type SessionStore = Pick<ChatSessionStore, 'get' | 'put' | 'delete'>;

/** Sessions kept in memory at most (the oldest written is forgotten first). */
const DEFAULT_CAPACITY = 1_000;

/** Wraps `store`; `now` is the clock expiry is measured by (epoch ms). */
export function writeThroughSessions(
  store: SessionStore,
  { capacity = DEFAULT_CAPACITY, now = Date.now }: { capacity?: number; now?: () => number } = {},
): SessionStore {
  const cache = new Map<string, { json: string; expiresAt: number }>();
  return {
    async get<Value>(key: string): Promise<Value | undefined> {
      const cached = cache.get(key);
      if (cached && cached.expiresAt > now()) return JSON.parse(cached.json) as Value;
      cache.delete(key);
      return store.get<Value>(key);
    },
    async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
      cache.delete(key);
      await store.put(key, value, ttlSeconds);
      cache.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    },
    async delete(key: string): Promise<void> {
      cache.delete(key);
      await store.delete(key);
    },
  };
}
