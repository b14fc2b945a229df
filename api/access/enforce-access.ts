/** The access rule's verdict as an HTTP answer: 404 when the caller may not know the thing exists, 403 with the reason otherwise. */
import { HttpError } from '../errors';
import type { AccessVerdict } from './access-rule';

/** Throws unless allowed; `notFound` builds the 404 the route gives for a thing that does not exist. */
export function enforceAccess(verdict: AccessVerdict, notFound: () => HttpError, extra: Record<string, unknown> = {}): void {
  if (verdict.allowed) return;
  if (!verdict.visible) throw notFound();
  throw new HttpError(403, verdict.code, verdict.reason, extra);
}
