/**
 * Who is talking. The API puts the caller's bearer token, user and groups in the turn's request
 * attributes (they last one turn and never reach the session); the code hook verifies the token
 * itself and refuses a turn whose user or groups disagree with it. Session attributes are
 * client-writable and are never read for identity.
 */
import type { VerifyToken } from '../../api/auth/create-token-verifier';
import type { Caller } from '../../api/errors';
import type { LexCodeHookEvent } from '../definition/lex-types';

/** The request attribute names; `x-amz-lex:` is Lex's reserved prefix, so ours are `statecraft.`. */
export const IDENTITY_ATTRIBUTES = { token: 'statecraft.token', user: 'statecraft.user', groups: 'statecraft.groups' } as const;

/** The request attributes the API sends for a verified caller. */
export function identityAttributes(caller: Caller, token: string): Record<string, string> {
  return {
    [IDENTITY_ATTRIBUTES.token]: token,
    [IDENTITY_ATTRIBUTES.user]: caller.user,
    [IDENTITY_ATTRIBUTES.groups]: caller.groups.join(','),
  };
}

/** Why a turn carries no identity we can trust. */
export class UnverifiedCallerError extends Error {
  override readonly name = 'UnverifiedCallerError';
  readonly code = 'unverified-caller';
}

/** The caller of this turn, from the verified token in its request attributes. */
export async function verifiedCaller(event: LexCodeHookEvent, verifyToken: VerifyToken): Promise<Caller> {
  const attributes = event.requestAttributes ?? {};
  const token = attributes[IDENTITY_ATTRIBUTES.token];
  if (!token) throw new UnverifiedCallerError('the turn carries no token');
  let caller: Caller;
  try {
    caller = await verifyToken(token);
  } catch (error) {
    throw new UnverifiedCallerError('the token did not verify', { cause: error });
  }
  const claimedGroups = (attributes[IDENTITY_ATTRIBUTES.groups] ?? '').split(',').filter(Boolean).sort().join(',');
  if (attributes[IDENTITY_ATTRIBUTES.user] !== caller.user || claimedGroups !== [...caller.groups].sort().join(',')) {
    throw new UnverifiedCallerError('the user or groups sent do not match the token');
  }
  return caller;
}
