/** Times as the context object (`$$`) shows them. */

let lastIso = { epochMs: Number.NaN, text: '' };

/** AWS's ISO-8601 form for context-object times: `2024-01-01T00:00:00.000Z` (the last one cached: states of a turn share it). */
export function isoTime(epochMs: number): string {
  if (lastIso.epochMs !== epochMs) lastIso = { epochMs, text: new Date(epochMs).toISOString() };
  return lastIso.text;
}
