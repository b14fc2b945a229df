/** The `run-reference` recognizer: a run id (`r-7f3a9c`, any case) or a phrase meaning the most recent run. */
import { LATEST_RUN } from '../slot-types/run-ref-type';
import type { TextMatch } from './text-match';

/** A run id: `r-` and two or more letters or digits, not inside a longer hyphenated word. */
export const RUN_ID = /(?<![\w-])r-[0-9a-z]{2,}(?![\w-])/i;
/** "latest", "newest", "most recent", "last", optionally with "one". */
const RECENT = /\b(latest|newest|most\s+recent|last)(\s+one)?\b/gi;
/** Words after "latest" that make it about something other than a run ("last week"). */
const NOT_A_RUN = /^\s+(week|weekend|night|month|year|day|time|hour|minute|version|release|update|change|step|state|status|message)s?\b/i;
/** "run", "execution", "job" within three words: "the last nightly report run". */
const RUN_NOUN_AHEAD = /^(\s+[\w-]+){0,3}?\s+(run|runs|execution|executions|job|jobs|instance|attempt)\b/i;
/** Nothing but punctuation and politeness left: "approve the latest", "status of the most recent please". */
const END_OF_REQUEST = /^\s*(please|pls|plz|thanks|thank you|now)?\s*[.!?]*\s*$/i;

/** The run the text refers to: an id (lower-cased) first, else `latest` when a recency phrase is about a run. */
export function recognizeRunReference(text: string): TextMatch | undefined {
  const id = RUN_ID.exec(text);
  if (id) return { value: id[0].toLowerCase(), start: id.index, end: id.index + id[0].length };
  for (const recent of text.matchAll(RECENT)) {
    const start = recent.index ?? 0;
    const end = start + recent[0].length;
    if (refersToRun(recent[1].toLowerCase(), Boolean(recent[2]), text.slice(end), text.slice(0, start)))
      return { value: LATEST_RUN, start, end };
  }
  return undefined;
}

/** The original words of a match, for `originalValue`. */
export function originalRunReference(text: string, match: TextMatch): string {
  return text.slice(match.start, match.end).replace(/\s+/g, ' ');
}

function refersToRun(word: string, withOne: boolean, after: string, before: string): boolean {
  if (withOne || RUN_NOUN_AHEAD.test(after)) return true;
  if (NOT_A_RUN.test(after)) return false;
  if (END_OF_REQUEST.test(after)) return word !== 'last' || /\b(the|my|our)\s*$/i.test(before);
  return word === 'latest' || word === 'newest' || word.startsWith('most');
}
