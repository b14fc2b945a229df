/** Signs a local HS256 token, shaped like a Cognito ID token (`sub`, `cognito:username`, `cognito:groups`). */
import { SignJWT } from 'jose';

/** Who the token is for and how long it lasts (a jose duration such as `8h`). */
export type LocalTokenClaims = { user: string; groups: readonly string[]; ttl?: string };

/** The issuer of local tokens; the verifier requires it. */
export const LOCAL_ISSUER = 'statecraft-local';
export const DEFAULT_TOKEN_TTL = '8h';

/** Returns a compact JWS. */
export function signLocalToken({ user, groups, ttl = DEFAULT_TOKEN_TTL }: LocalTokenClaims, key: Uint8Array): Promise<string> {
  return new SignJWT({ 'cognito:username': user, 'cognito:groups': [...groups] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}
