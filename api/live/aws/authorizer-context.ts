/**
 * What the WebSocket authorizer hands API Gateway about a verified caller, and how the routes read
 * it back from `requestContext.authorizer`. API Gateway allows only string, number and boolean
 * context values (and may pass numbers on as strings), so groups travel as JSON text.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
import type { Caller } from '../../errors';

/** The authorizer's `context`: `expiresAt` is the token's expiry in epoch seconds (the connections table's TTL unit). */
export type AuthorizerContext = { user: string; groups: string; expiresAt: number };

/** A caller verified by the authorizer, with its token's expiry in epoch seconds. */
export type AuthorizedCaller = { user: string; groups: string[]; expiresAt: number };

/** The context for a verified caller; a caller without an expiry cannot hold a connection (it would never expire). */
export function toAuthorizerContext(caller: Caller): AuthorizerContext | undefined {
  if (caller.expiresAt === undefined) return undefined;
  return { user: caller.user, groups: JSON.stringify(caller.groups), expiresAt: Math.floor(caller.expiresAt / 1000) };
}

/** The caller in `requestContext.authorizer`, or undefined when it is missing or malformed (then nobody is connected). */
export function parseAuthorizerContext(value: unknown): AuthorizedCaller | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { user, groups, expiresAt } = value as Record<string, unknown>;
  if (typeof user !== 'string' || user === '' || typeof groups !== 'string') return undefined;
  const expiry = typeof expiresAt === 'string' && /^\d+$/.test(expiresAt) ? Number(expiresAt) : expiresAt;
  if (typeof expiry !== 'number' || !Number.isSafeInteger(expiry)) return undefined;
  const parsed = groupsOf(groups);
  return parsed && { user, groups: parsed, expiresAt: expiry };
}

function groupsOf(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((group) => typeof group === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
