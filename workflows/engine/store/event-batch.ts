/**
 * A batch of one execution's history events as one JSON text: a row of the durable store's
 * `event_batches` (one per commit), and a chunk of the memory store's histories (kept as text so
 * the garbage collector does not walk millions of small objects). Time went into writing these,
 * so they are compact:
 *
 *   [2, firstTimestamp, [type, …], [key, idGap, idBack, dt, typeIndex, flags, details?], …]
 *
 * `idGap` is the id's distance from the one expected (the previous entry's + 1, or the row's
 * first id: 0 in practice), `idBack` is `id - previousEventId`, `dt` the timestamp's distance from
 * the row's first. `flags` records an `inputDetails`/`outputDetails` of `{truncated:false}` left
 * out of `details` (nearly every state event has one). Rows written before this format — a plain
 * array of `[key, id, previousEventId, timestamp, type, details?]` — are still read.
 */
import type { StoredEvent } from '../execution-store';
import { NOT_TRUNCATED, type EventDetails, type HistoryEvent } from '../history-event';

const FORMAT = 2;
const INPUT_NOT_TRUNCATED = 1;
const OUTPUT_NOT_TRUNCATED = 2;

type Entry = [key: string, idGap: number, idBack: number, dt: number, typeIndex: number, flags: number, details?: EventDetails];
type LegacyEntry = [key: string, id: number, previousEventId: number, timestamp: number, type: string, details?: EventDetails];

function isNotTruncated(value: unknown): boolean {
  return (
    value === NOT_TRUNCATED ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { truncated?: unknown }).truncated === false &&
      Object.keys(value).length === 1)
  );
}

/** `details` without its `{truncated:false}` input/output details, and flags saying which were there. */
function compactDetails(details: EventDetails): { flags: number; details: EventDetails } {
  let flags = 0;
  if ('inputDetails' in details && isNotTruncated(details.inputDetails)) flags |= INPUT_NOT_TRUNCATED;
  if ('outputDetails' in details && isNotTruncated(details.outputDetails)) flags |= OUTPUT_NOT_TRUNCATED;
  if (!flags) return { flags, details };
  const rest: EventDetails = {};
  for (const field in details) {
    if ((field === 'inputDetails' && flags & INPUT_NOT_TRUNCATED) || (field === 'outputDetails' && flags & OUTPUT_NOT_TRUNCATED)) continue;
    rest[field] = details[field];
  }
  return { flags, details: rest };
}

/** The JSON text of a batch row for `events` (appended in this order, `keys[i]` naming `events[i]`). */
export function encodeEventBatch(keys: readonly string[], events: readonly HistoryEvent[]): string {
  const firstTimestamp = events[0].timestamp;
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const row: unknown[] = [FORMAT, firstTimestamp, types];
  let expectedId = events[0].id;
  for (let i = 0; i < events.length; i++) {
    const { id, previousEventId, timestamp, type, details } = events[i];
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = types.push(type) - 1;
      typeIndex.set(type, index);
    }
    if (details === undefined) row.push([keys[i], id - expectedId, id - previousEventId, timestamp - firstTimestamp, index]);
    else {
      const compact = compactDetails(details);
      row.push([keys[i], id - expectedId, id - previousEventId, timestamp - firstTimestamp, index, compact.flags, compact.details]);
    }
    expectedId = id + 1;
  }
  return JSON.stringify(row);
}

/** Puts back the `{truncated:false}` details `flags` names (into `details`, just parsed and not shared). */
function restoreDetails(flags: number, details: EventDetails): EventDetails {
  if (flags & INPUT_NOT_TRUNCATED) details.inputDetails = NOT_TRUNCATED;
  if (flags & OUTPUT_NOT_TRUNCATED) details.outputDetails = NOT_TRUNCATED;
  return details;
}

/** The events of a batch row whose first event has id `firstId`, appended to `into`. */
export function decodeEventBatch(body: string, firstId: number, into: StoredEvent[]): void {
  const row = JSON.parse(body) as unknown[];
  if (row[0] !== FORMAT) {
    for (const [key, id, previousEventId, timestamp, type, details] of row as LegacyEntry[]) {
      into.push({
        key,
        event: details === undefined ? { id, previousEventId, timestamp, type } : { id, previousEventId, timestamp, type, details },
      });
    }
    return;
  }
  const firstTimestamp = row[1] as number;
  const types = row[2] as string[];
  let expectedId = firstId;
  for (let i = 3; i < row.length; i++) {
    const [key, idGap, idBack, dt, typeIndex, flags, details] = row[i] as Entry;
    const id = expectedId + idGap;
    const event: HistoryEvent = { id, previousEventId: id - idBack, timestamp: firstTimestamp + dt, type: types[typeIndex] };
    if (details !== undefined) event.details = restoreDetails(flags, details);
    into.push({ key, event });
    expectedId = id + 1;
  }
}
