/**
 * JSONPath syntax as Step Functions accepts it (Jayway-style): a `$` (data), `$$` (context
 * object) or `$name` (variable) root followed by segments.
 * https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
import { BoundedCache } from '../bounded-cache';

/** Which value a path starts from. */
export type PathRoot = { kind: 'data' } | { kind: 'context' } | { kind: 'variable'; name: string };

/**
 * One step of a path. `name` and `index` select a single node; `indefinite` covers everything
 * that may select several (`[*]`, `..`, slices, unions, filters), kept in jsonpath-plus syntax.
 */
export type PathSegment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'indefinite'; text: string };

/** A parsed path; `definite` paths select at most one node and never yield an array of matches. */
export type ParsedJsonPath = {
  text: string;
  root: PathRoot;
  segments: PathSegment[];
  definite: boolean;
};

const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*/u;
const INDEX = /^-?\d+$/;
const NAME_END = /[.[\]\s]/;
const QUOTED_NAME = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/s;

const MAX_CACHED_PATHS = 10_000;
const parsed = new BoundedCache<ParsedJsonPath | undefined>(MAX_CACHED_PATHS);

/**
 * Parses a JSONPath, or returns `undefined` when `text` is not one (so it is a literal). Results
 * are cached by text and shared: callers must not change them.
 */
export function parseJsonPath(text: string): ParsedJsonPath | undefined {
  return parsed.get(text, parseUncached);
}

function parseUncached(text: string): ParsedJsonPath | undefined {
  const rootEnd = readRoot(text);
  if (!rootEnd) return undefined;
  const segments: PathSegment[] = [];
  let at = rootEnd.end;
  while (at < text.length) {
    const next = readSegment(text, at, segments);
    if (next === undefined) return undefined;
    at = next;
  }
  const definite = segments.every((segment) => segment.kind !== 'indefinite');
  return { text, root: rootEnd.root, segments, definite };
}

/** Renders segments after a `$` in bracket notation: Jayway's normalized form, also read by jsonpath-plus. */
export function renderSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => {
      if (segment.kind === 'name') return `['${segment.name.replace(/'/g, "\\'")}']`;
      if (segment.kind === 'index') return `[${segment.index}]`;
      return segment.text;
    })
    .join('');
}

function readRoot(text: string): { root: PathRoot; end: number } | undefined {
  if (!text.startsWith('$')) return undefined;
  if (text.startsWith('$$')) return { root: { kind: 'context' }, end: 2 };
  const variable = VARIABLE_NAME.exec(text.slice(1));
  if (variable) return { root: { kind: 'variable', name: variable[0] }, end: 1 + variable[0].length };
  return { root: { kind: 'data' }, end: 1 };
}

/** Reads the segment at `at` into `segments` and returns where the next one starts. */
function readSegment(text: string, at: number, segments: PathSegment[]): number | undefined {
  if (text[at] === '[') return readBracket(text, at, segments);
  if (text[at] !== '.') return undefined;
  if (text[at + 1] === '.') {
    segments.push({ kind: 'indefinite', text: '..' });
    if (text[at + 2] === '[') return at + 2;
    return readDotName(text, at + 2, segments);
  }
  return readDotName(text, at + 1, segments);
}

function readDotName(text: string, at: number, segments: PathSegment[]): number | undefined {
  if (text[at] === '*') {
    segments.push({ kind: 'indefinite', text: '[*]' });
    return at + 1;
  }
  let end = at;
  while (end < text.length && !NAME_END.test(text[end] ?? '')) end += 1;
  if (end === at) return undefined;
  segments.push({ kind: 'name', name: text.slice(at, end) });
  return end;
}

function readBracket(text: string, at: number, segments: PathSegment[]): number | undefined {
  const close = findClosingBracket(text, at);
  if (close === undefined) return undefined;
  const content = text.slice(at + 1, close).trim();
  const quoted = QUOTED_NAME.exec(content);
  if (INDEX.test(content)) segments.push({ kind: 'index', index: Number(content) });
  else if (quoted) segments.push({ kind: 'name', name: (quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/gs, '$1') });
  else if (content === '') return undefined;
  else segments.push({ kind: 'indefinite', text: `[${content}]` });
  return close + 1;
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
