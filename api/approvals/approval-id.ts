/** Approval ids derived from the task token, so a re-invoked approval-request handler finds its own record. */
import { createHash } from 'node:crypto';

/** Hex digits after the `ap-` prefix. */
const ID_HEX_LENGTH = 8;

/** What every approval id looks like: `ap-` and ID_HEX_LENGTH lower-case hex digits. */
export const APPROVAL_ID = new RegExp(`^ap-[0-9a-f]{${ID_HEX_LENGTH}}$`);

/**
 * The ids a token may take, in order: `ap-` + 8 hex of its SHA-256, then the next 8 hex, and so on,
 * so that a (rare) collision with another token's id moves on deterministically.
 */
export function approvalIdCandidates(taskToken: string): string[] {
  const digest = createHash('sha256').update(taskToken).digest('hex');
  const ids: string[] = [];
  for (let start = 0; start + ID_HEX_LENGTH <= digest.length; start += ID_HEX_LENGTH)
    ids.push(`ap-${digest.slice(start, start + ID_HEX_LENGTH)}`);
  return ids;
}

/** Whether `id` looks like an approval id (so a route can answer 404 without a read). */
export function isApprovalId(id: string): boolean {
  return APPROVAL_ID.test(id);
}
