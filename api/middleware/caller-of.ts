/** The verified caller the authentication middleware left on `res.locals`. */
import type { Response } from 'express';
import { HttpError, type Caller } from '../errors';

/** The caller, or 401 when the route is reached without authentication. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller || typeof caller.user !== 'string' || !Array.isArray(caller.groups))
    throw new HttpError(401, 'unauthenticated', 'a signed-in caller is required');
  return caller;
}
