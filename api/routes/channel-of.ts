/** Which channel a request came through, for the audit trail: the web console marks its requests; everything else is the API. */
import type { Request } from 'express';

/** The header the web console sets so its starts and decisions are recorded with channel `console`. */
export const CHANNEL_HEADER = 'x-statecraft-channel';

/** `console` when the web console says so, `api` otherwise (the chat and the CLI call the start path themselves). */
export function channelOf(req: Request): 'api' | 'console' {
  return req.get(CHANNEL_HEADER) === 'console' ? 'console' : 'api';
}
