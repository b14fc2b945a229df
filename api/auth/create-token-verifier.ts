/** Verifies bearer tokens with jose: the local HS256 key, or the Cognito user pool's JWKS. */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config';
import { HttpError, type Caller } from '../errors';
import { loadSigningKey } from './load-signing-key';
import { LOCAL_ISSUER } from './sign-local-token';

/** Turns a bearer token into the caller, or throws a 401 HttpError. */
export type VerifyToken = (token: string) => Promise<Caller>;

/** A verifier for the configured mode. */
export function createTokenVerifier(auth: AuthConfig): VerifyToken {
  if (auth.mode === 'local') {
    const key = loadSigningKey(auth.keyFile);
    return (token) => verifyWith(() => jwtVerify(token, key, { algorithms: ['HS256'], issuer: LOCAL_ISSUER }));
  }
  const jwks = createRemoteJWKSet(new URL(auth.jwksUrl));
  return (token) => verifyWith(() => jwtVerify(token, jwks, { issuer: auth.issuer, audience: auth.audience }));
}

async function verifyWith(verify: () => Promise<{ payload: JWTPayload }>): Promise<Caller> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verify());
  } catch (error) {
    throw new HttpError(401, 'invalid-token', 'the bearer token is invalid or expired', {}, { cause: error });
  }
  return callerOf(payload);
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
