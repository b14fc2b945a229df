/** Group-based permissions from `cognito:groups`: viewers read; operators read, start and stop. */
import type { RequestHandler } from 'express';
import { HttpError, type Caller } from '../errors';

/** What a route does. */
export type Permission = 'read' | 'operate';

/** The groups allowed each permission (approvers may read what they are asked to approve). */
export const PERMISSION_GROUPS: Readonly<Record<Permission, readonly string[]>> = {
  read: ['viewers', 'operators', 'approvers', 'admins'],
  operate: ['operators', 'admins'],
};

/** 403 unless the authenticated caller is in one of the permission's groups. */
export function authorize(permission: Permission): RequestHandler {
  return function requirePermission(_req, res, next) {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller) throw new HttpError(401, 'missing-token', 'send a bearer token: Authorization: Bearer <jwt>');
    const allowed = PERMISSION_GROUPS[permission];
    if (!caller.groups.some((group) => allowed.includes(group))) {
      throw new HttpError(403, 'forbidden', `this needs membership of one of: ${allowed.join(', ')}`, { required: allowed });
    }
    next();
  };
}
