/**
 * ISO-8601 extended offset date-times as Step Functions accepts them (Wait Timestamp, Choice
 * Timestamp* rules): `2016-03-14T01:59:00Z`, optional fraction (up to nanoseconds), `Z` or `±hh:mm`.
 */

const ISO_OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch milliseconds (fraction kept) of a valid timestamp, or undefined when `text` is not one. */
export function parseTimestamp(text: string): number | undefined {
  const match = ISO_OFFSET_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number);
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const millis = fraction ? Number(`0.${fraction}`) * 1000 : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second) + millis - offsetMinutes * 60_000;
}
