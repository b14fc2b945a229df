/** Requires a verified bearer JWT and puts the caller on `res.locals.caller` (the token itself on `res.locals.token`, for the chat to hand on); 401 otherwise. */
import type { RequestHandler } from 'express';
import type { VerifyToken } from '../auth/create-token-verifier';
import { HttpError } from '../errors';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;
/** RFC 6750 challenge sent with every 401. */
export const CHALLENGE = 'Bearer realm="statecraft"';

/** Authentication for every route mounted after it. */
export function authenticate(verifyToken: VerifyToken): RequestHandler {
  return async function authenticateBearer(req, res, next) {
    const match = BEARER.exec(req.get('Authorization') ?? '');
    if (!match) throw new HttpError(401, 'missing-token', 'send a bearer token: Authorization: Bearer <jwt>');
    res.locals.caller = await verifyToken(match[1]);
    res.locals.token = match[1];
    next();
  };
}
