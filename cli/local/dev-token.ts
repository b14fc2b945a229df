/** The ready-made token `statecraft dev` prints: the same signing as `statecraft token`, with the data dir's key. */
import * as path from 'node:path';
import { loadSigningKey } from '../../api/auth/load-signing-key';
import { signLocalToken } from '../../api/auth/sign-local-token';
import { SIGNING_KEY_FILE } from '../../api/config';

/**
 * The user and groups of the printed token: one person who may start, stop, read and approve —
 * including the approver groups the sample workflows name (deploy-service, onboard-customer, refund-request).
 */
export const DEV_TOKEN_USER = 'developer';
export const DEV_TOKEN_GROUPS = ['operators', 'approvers', 'viewers', 'release-managers', 'compliance', 'finance'] as const;
export const DEV_TOKEN_TTL = '8h';

/** Signs a local token for `user` in `groups` with the key in `dataDir` (created there when missing). */
export function devToken(
  dataDir: string,
  {
    user = DEV_TOKEN_USER,
    groups = DEV_TOKEN_GROUPS,
    ttl = DEV_TOKEN_TTL,
  }: { user?: string; groups?: readonly string[]; ttl?: string } = {},
): Promise<string> {
  return signLocalToken({ user, groups, ttl }, loadSigningKey(path.join(dataDir, SIGNING_KEY_FILE)));
}
