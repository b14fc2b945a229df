/** Verifies bearer tokens with jose: the local HS256 key, or the Cognito user pool's JWKS. */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config';
import { HttpError, type Caller } from '../errors';
import { loadSigningKey } from './load-signing-key';
import { LOCAL_ISSUER } from './sign-local-token';
import { VerifiedTokenCache } from './verified-token-cache';

/** Turns a bearer token into the caller, or throws a 401 HttpError. */
export type VerifyToken = (token: string) => Promise<Caller>;

/** A verifier for the configured mode; `now` is the clock token expiry is checked against (tests). */
export function createTokenVerifier(auth: AuthConfig, now: () => number = Date.now): VerifyToken {
  const verified = new VerifiedTokenCache(now);
  const currentDate = () => new Date(now());
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (auth.mode === 'local') {
    const key = loadSigningKey(auth.keyFile);
    verify = (token) => jwtVerify(token, key, { algorithms: ['HS256'], issuer: LOCAL_ISSUER, currentDate: currentDate() });
  } else {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl));
    verify = (token) => jwtVerify(token, jwks, { issuer: auth.issuer, audience: auth.audience, currentDate: currentDate() });
  }
  return async (token) => {
    const remembered = verified.get(token);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      throw new HttpError(401, 'invalid-token', 'the bearer token is invalid or expired', {}, { cause: error });
    }
    return verified.set(token, callerOf(payload), payload.exp === undefined ? undefined : payload.exp * 1000);
  };
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
