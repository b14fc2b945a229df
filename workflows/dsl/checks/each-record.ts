/** Visits the object items of a list that may be malformed (not an array, or holding non-objects). */
import { isRecord, type JsonRecord } from './is-record';

/** Calls `visit` for each object in `list`, with its index; ignores anything else. */
export function eachRecord(list: unknown, visit: (item: JsonRecord, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    if (isRecord(item)) visit(item, index);
  });
}
