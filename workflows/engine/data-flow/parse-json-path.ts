/**
 * JSONPath syntax as Step Functions accepts it: a `$` (data), `$$` (context object) or `$name`
 * (variable) root, then what Jayway JsonPath compiles after a `$` (AWS's causes quote Jayway's
 * messages). So `$.[0]`, `$.a.['b']`, `$..[0]` and filters comparing with the root (`@.id == $.want`)
 * are paths, as in AWS's own example `$.abc.['def ghi']`.
 * https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
import { LRUCache } from 'lru-cache';
import { JsonPathError } from '../errors';
import { compileJaywayPath } from './jsonpath/compile-jayway-path';
import type { PathSegment } from './jsonpath/path-segment';

export type { PathSegment } from './jsonpath/path-segment';
export { renderSegments } from './jsonpath/render-segments';

/** Which value a path starts from. */
export type PathRoot = { kind: 'data' } | { kind: 'context' } | { kind: 'variable'; name: string };

/**
 * A parsed path; `definite` paths select at most one node and never yield an array of matches.
 * `droppedTail` is a last character Jayway silently ignores (`$.a[` reads as `$.a`).
 */
export type ParsedJsonPath = {
  text: string;
  root: PathRoot;
  segments: PathSegment[];
  definite: boolean;
  droppedTail?: string;
};

const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*/u;

/** Parsed paths (or why a text is not one) by text: definitions that keep changing cannot grow it without bound. */
const parsed = new LRUCache<string, ParsedJsonPath | string>({ max: 10_000, memoMethod: (text) => parseUncached(text) });

/**
 * Parses a JSONPath, or returns `undefined` when `text` is not one (so it is a literal). Results
 * are cached by text and shared: callers must not change them.
 */
export function parseJsonPath(text: string): ParsedJsonPath | undefined {
  const result = parsed.memo(text);
  return typeof result === 'string' ? undefined : result;
}

/** The path, or why it is not one: Jayway's InvalidPathException message when it does not compile. */
export function explainJsonPath(text: string): ParsedJsonPath | { problem: string } {
  const result = parsed.memo(text);
  return typeof result === 'string' ? { problem: result } : result;
}

function parseUncached(text: string): ParsedJsonPath | string {
  if (!text.startsWith('$')) return "Path must start with '$'";
  const { root, rest } = readRoot(text);
  try {
    const { segments, definite, droppedTail } = compileJaywayPath(`$${rest}`);
    return { text, root, segments, definite, ...(droppedTail === undefined ? {} : { droppedTail }) };
  } catch (error) {
    if (error instanceof JsonPathError) return error.message;
    throw error;
  }
}

/** Splits off the AWS root: what follows is read by Jayway as if it followed a plain `$`. */
function readRoot(text: string): { root: PathRoot; rest: string } {
  if (text.startsWith('$$')) return { root: { kind: 'context' }, rest: text.slice(2) };
  const variable = VARIABLE_NAME.exec(text.slice(1));
  if (variable) return { root: { kind: 'variable', name: variable[0] }, rest: text.slice(1 + variable[0].length) };
  return { root: { kind: 'data' }, rest: text.slice(1) };
}

/** Index of the `]` closing the `[` at `open`, skipping quoted text and nested brackets. */
export function findClosingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let at = open; at < text.length; at += 1) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[' || char === '(') depth += 1;
    else if (char === ']' || char === ')') {
      depth -= 1;
      if (depth === 0) return char === ']' ? at : undefined;
    }
  }
  return undefined;
}
