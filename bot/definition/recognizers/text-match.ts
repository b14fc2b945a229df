/** Where a recognizer found something in a text, and what it found. */

/** The value found and the `[start, end)` span of the text it came from (a marker included, for free text). */
export type TextMatch = { value: string; start: number; end: number };

/** The text with the span replaced, for the next recognizer or the classifier. */
export function replaceMatch(text: string, match: TextMatch, replacement: string): string {
  return `${text.slice(0, match.start)}${replacement}${text.slice(match.end)}`;
}

/** The text with the span blanked out, positions kept, so later recognizers ignore it. */
export function maskMatch(text: string, match: TextMatch): string {
  return replaceMatch(text, match, ' '.repeat(match.end - match.start));
}
