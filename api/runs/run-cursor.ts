/** The cursor of `GET /api/runs`: which workflow the listing had reached, and Step Functions' nextToken in it. */
import { HttpError } from '../errors';

/** Position in a listing across state machines, or in the list of runs waiting for approval. */
export type RunCursor = { workflow: string; nextToken?: string } | { waitingOffset: number };

/** Opaque base64url JSON. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** A cursor this API returned, of the kind the listing expects; 400 `invalid-cursor` otherwise. */
export function decodeCursorOf<K extends 'workflow' | 'waitingOffset'>(text: string, kind: K): Extract<RunCursor, Record<K, unknown>> {
  const cursor = decodeRunCursor(text);
  if (kind in cursor) return cursor as Extract<RunCursor, Record<K, unknown>>;
  throw invalidCursor();
}

const invalidCursor = () => new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned');

/** Parses a cursor this API returned; 400 `invalid-cursor` otherwise. */
export function decodeRunCursor(text: string): RunCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const { workflow, nextToken, waitingOffset } = value as Record<string, unknown>;
    if (typeof workflow === 'string' && (nextToken === undefined || typeof nextToken === 'string')) return { workflow, nextToken };
    if (typeof waitingOffset === 'number' && Number.isSafeInteger(waitingOffset) && waitingOffset >= 0) return { waitingOffset };
  }
  throw invalidCursor();
}
