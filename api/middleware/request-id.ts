/** Gives every request an id (the caller's `X-Request-Id` when well-formed), echoed in the response header. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** Sets `res.locals.requestId` and the response header. */
export function requestId({ headerName = 'X-Request-Id' }: { headerName?: string } = {}): RequestHandler {
  return function assignRequestId(req, res, next) {
    const given = req.get(headerName);
    const id = given !== undefined && ACCEPTED.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set(headerName, id);
    next();
  };
}
