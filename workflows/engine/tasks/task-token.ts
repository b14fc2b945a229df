/**
 * Task tokens for `.waitForTaskToken`: opaque to callers, but self-describing for us (execution
 * and journal key), so a token stays valid across restarts without a separate table.
 */
import { randomBytes } from 'node:crypto';

/** Where a token's task lives. */
export type TaskTokenAddress = { executionArn: string; key: string };

/** A new token for the task waiting at `key` in `executionArn`. */
export function createTaskToken(address: TaskTokenAddress): string {
  const body = JSON.stringify({ e: address.executionArn, k: address.key, n: randomBytes(12).toString('base64url') });
  return Buffer.from(body, 'utf8').toString('base64url');
}

/** The address inside `token`, or undefined when it is not one of ours. */
export function parseTaskToken(token: string): TaskTokenAddress | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const body: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!body || typeof body !== 'object') return undefined;
    const { e, k } = body as { e?: unknown; k?: unknown };
    return typeof e === 'string' && typeof k === 'string' ? { executionArn: e, key: k } : undefined;
  } catch {
    return undefined;
  }
}
