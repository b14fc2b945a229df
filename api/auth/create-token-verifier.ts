/** Verifies bearer tokens with jose: the local HS256 key, or the Cognito user pool's JWKS. */
import * as path from 'node:path';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type AuthConfig } from '../config';
import { HttpError, type Caller } from '../errors';
import { loadSigningKey } from './load-signing-key';
import { LOCAL_ISSUER } from './sign-local-token';
import { VerifiedTokenCache } from './verified-token-cache';

/** Turns a bearer token into the caller, or throws a 401 HttpError. */
export type VerifyToken = (token: string) => Promise<Caller>;

/** The longest lifetime tokens may have (config.maxTokenLifetimeSeconds), and the clock expiry is checked against (tests). */
export type TokenVerifierOptions = { maxLifetimeSeconds?: number; now?: () => number };

/** How far ahead of our clock an issuer's `iat` may be before the time in between counts towards the token's lifetime. */
const CLOCK_SKEW_SECONDS = 60;

/** A verifier for the configured mode that also refuses tokens without `exp` or living longer than `maxLifetimeSeconds`. */
export function createTokenVerifier(
  auth: AuthConfig,
  { maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, now = Date.now }: TokenVerifierOptions = {},
): VerifyToken {
  const verified = new VerifiedTokenCache(now);
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (auth.mode === 'local') {
    const key = loadSigningKey(auth.keyFile);
    verify = (token) => jwtVerify(token, key, { algorithms: ['HS256'], issuer: LOCAL_ISSUER, currentDate: new Date(now()) });
  } else {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl));
    verify = (token) => jwtVerify(token, jwks, { issuer: auth.issuer, audience: auth.audience, currentDate: new Date(now()) });
  }
  return async (token) => {
    const remembered = verified.get(token);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      throw new HttpError(401, 'invalid-token', whyRefused(error, auth), {}, { cause: error });
    }
    const exp = payload.exp;
    if (exp === undefined) throw new HttpError(401, 'invalid-token', 'the bearer token has no exp claim');
    if (lifetimeOf(exp, payload.iat, now() / 1000) > maxLifetimeSeconds) {
      throw new HttpError(401, 'invalid-token', `the bearer token lives longer than the ${maxLifetimeSeconds} s this API accepts`, {
        maxLifetimeSeconds,
      });
    }
    return verified.set(token, { ...callerOf(payload), expiresAt: exp * 1000 });
  };
}

/** The 401 detail for a token jose refused; a local token signed with another key most likely came from another data dir. */
function whyRefused(error: unknown, auth: AuthConfig): string {
  if (error instanceof errors.JWTExpired) return 'the bearer token has expired';
  if (auth.mode === 'local' && error instanceof errors.JWSSignatureVerificationFailed) {
    return `the token was not signed with this stack's key (${auth.keyFile}); make one with: npx statecraft token --data-dir ${path.dirname(auth.keyFile)} --user <name> --groups <groups>`;
  }
  return 'the bearer token is invalid or expired';
}

/** Seconds from `iat` (none: now) to `exp`; an `iat` further ahead of now than the clock skew does not shorten it. */
function lifetimeOf(exp: number, iat: number | undefined, nowSeconds: number): number {
  return iat === undefined ? exp - nowSeconds : Math.max(exp - iat, exp - nowSeconds - CLOCK_SKEW_SECONDS);
}

/** The user (`cognito:username`, else `sub`) and groups (`cognito:groups`) of a verified token. */
export function callerOf(payload: JWTPayload): Caller {
  const username = payload['cognito:username'];
  const user = typeof username === 'string' && username !== '' ? username : payload.sub;
  if (typeof user !== 'string' || user === '') throw new HttpError(401, 'invalid-token', 'the bearer token names no user');
  const claim = payload['cognito:groups'];
  const groups = Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
  return { user, groups };
}
