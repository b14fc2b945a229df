/** Reading one member of a history event's details. */
import type { EventDetails } from '../engine';

/** The string `field` of `details`: '' when it is absent or not a string. */
export function stringField(details: EventDetails | undefined, field: string): string {
  const value = details?.[field];
  return typeof value === 'string' ? value : '';
}
