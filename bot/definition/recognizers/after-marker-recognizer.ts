/** The `after-marker` recognizer: free text (a comment, a reason) after "because", "comment:", " - ", a comma and the like. */
import { RUN_ID } from './run-reference-recognizer';
import type { TextMatch } from './text-match';

/** Markers that introduce free text; each match ends where the text starts. */
const MARKERS: readonly RegExp[] = [
  /\b(?:and\s+)?(?:add(?:ing)?|leave|leaving|with|plus)\s+(?:a\s+|the\s+)?(?:note|comment|reason|message)\b(?:\s+(?:saying|that\s+says|reading|of))?(?:\s+that)?\s*:?/gi,
  /\b(?:the\s+)?(?:reason|comment|note|remark)s?\b(?:\s+(?:is|being|was)\b)?\s*[:=-]?(?=\s*\S)/gi,
  /\b(?:because(?:\s+of)?|since|due\s+to|owing\s+to|given\s+that|citing|saying(?:\s+that)?)\b/gi,
  /\s[-–—]{1,2}\s/g,
  /:/g,
];
/** A marker at the very start of an answer or a clause ("because …", "reason: …"). */
const LEADING_MARKER =
  /^\s*(?:(?:and\s+)?(?:add(?:ing)?|leave|with|plus)\s+(?:a\s+|the\s+)?(?:note|comment|reason|message)\b(?:\s+(?:saying|that\s+says|reading|of))?(?:\s+that)?|(?:the\s+)?(?:reason|comment|note|remark)s?(?:\s+(?:is|being|was))?\s*[:=-]|(?:because(?:\s+of)?|since|due\s+to|owing\s+to|given\s+that|citing|saying(?:\s+that)?)\b)\s*:?\s*/i;
/** Clause openings that make a comma clause another request ("lgtm, ship it"), not free text. */
const COMMAND_OPENING =
  /^(?:(?:and|then|so|but|also|please|pls|just|now)\s+)*(?:ship|approve|reject|deny|decline|block|stop|start|run|launch|kick|trigger|cancel|abort|kill|halt|show|list|tell|check|sign|merge|go|do|don'?t|proceed|continue|thanks?|thank|cheers|ok|okay|what|which|how|is|are|can|could|would|will)\b/i;
/** A comma clause must have this many words to be free text. */
const MIN_CLAUSE_WORDS = 3;

/** The free text after the first marker (its span starts at the marker), stripped of marker, quotes and trailing punctuation. */
export function recognizeAfterMarker(text: string): TextMatch | undefined {
  const candidates = [...MARKERS.flatMap((marker) => markerMatches(text, marker)), ...commaClauses(text)].sort((a, b) => a.start - b.start);
  for (const candidate of candidates) {
    const value = cleanFreeText(candidate.value);
    if (value) return { value, start: candidate.start, end: text.length };
  }
  return undefined;
}

/** A whole answer to "why?" or "any comment?": trimmed, a leading marker, quotes and trailing punctuation stripped. */
export function cleanFreeText(text: string): string | undefined {
  const cleaned = unquote(text.replace(LEADING_MARKER, '')).trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

function markerMatches(text: string, marker: RegExp): TextMatch[] {
  return [...text.matchAll(marker)]
    .map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }))
    .filter(({ start }) => /\w/.test(text.slice(0, start)))
    .map(({ start, end }) => ({ value: text.slice(end), start, end: text.length }));
}

function commaClauses(text: string): TextMatch[] {
  return [...text.matchAll(/,/g)]
    .map((match) => ({ start: match.index ?? 0, clause: text.slice((match.index ?? 0) + 1) }))
    .filter(({ start, clause }) => /\w/.test(text.slice(0, start)) && isFreeTextClause(clause))
    .map(({ start, clause }) => ({ value: clause, start, end: text.length }));
}

function isFreeTextClause(clause: string): boolean {
  const words = clause
    .trim()
    .split(/\s+/)
    .filter((word) => /\w/.test(word));
  return words.length >= MIN_CLAUSE_WORDS && !COMMAND_OPENING.test(clause.trim()) && !RUN_ID.test(clause);
}

function unquote(text: string): string {
  let value = text.replace(/^[\s:;,.–—-]+/, '').replace(/[\s.!?,;:]+$/, '');
  const quotes = /^["'“‘`](.*)["'”’`]$/s.exec(value);
  if (quotes) value = quotes[1].trim().replace(/[\s.!?,;:]+$/, '');
  return value.trim();
}
