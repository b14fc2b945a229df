/**
 * Splits an intrinsic call into tokens. String literals use single quotes, and `\'`, `\{`, `\}`
 * and `\\` are the only escapes; any other backslash is an error, as AWS documents.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { findClosingBracket } from '../data-flow/parse-json-path';
import { intrinsicSyntaxFailure } from './intrinsic-failure';

/** One token; `at` is its offset in the expression, for error messages. */
export type IntrinsicToken =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'string'; value: string; source: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'path'; text: string; at: number }
  | { kind: '(' | ')' | ','; at: number };

const ESCAPABLE = new Set(["'", '{', '}', '\\']);
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const WHITESPACE = /\s/;

/** Tokenizes `expression`; throws States.IntrinsicFailure on a character no token can start with. */
export function tokenizeIntrinsic(expression: string): IntrinsicToken[] {
  const tokens: IntrinsicToken[] = [];
  let at = 0;
  while (at < expression.length) {
    const char = expression[at] ?? '';
    if (WHITESPACE.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, at });
      at += 1;
    } else if (char === "'") {
      at = readString(expression, at, tokens);
    } else if (char === '$') {
      at = readPath(expression, at, tokens);
    } else {
      at = readWord(expression, at, tokens);
    }
  }
  return tokens;
}

function readString(expression: string, start: number, tokens: IntrinsicToken[]): number {
  let value = '';
  for (let at = start + 1; at < expression.length; at += 1) {
    const char = expression[at] ?? '';
    if (char === "'") {
      tokens.push({ kind: 'string', value, source: expression.slice(start + 1, at), at: start });
      return at + 1;
    }
    if (char === '\\') {
      const escaped = expression[at + 1] ?? '';
      if (!ESCAPABLE.has(escaped)) {
        throw intrinsicSyntaxFailure(expression, `invalid escape sequence at position ${at}`);
      }
      value += escaped;
      at += 1;
    } else {
      value += char;
    }
  }
  throw intrinsicSyntaxFailure(expression, `unterminated string starting at position ${start}`);
}

/** A path runs to the next top-level `,`, `)` or whitespace; brackets may hold any of them. */
function readPath(expression: string, start: number, tokens: IntrinsicToken[]): number {
  let at = start;
  while (at < expression.length) {
    const char = expression[at] ?? '';
    if (char === '[') {
      const close = findClosingBracket(expression, at);
      if (close === undefined) throw intrinsicSyntaxFailure(expression, `unclosed '[' at position ${at}`);
      at = close + 1;
    } else if (char === ',' || char === ')' || WHITESPACE.test(char)) {
      break;
    } else if (char === '(' && expression[at + 1] === ')') {
      at += 2; // a Jayway function such as `.length()`
    } else {
      at += 1;
    }
  }
  tokens.push({ kind: 'path', text: expression.slice(start, at), at: start });
  return at;
}

function readWord(expression: string, start: number, tokens: IntrinsicToken[]): number {
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(expression);
  if (number) {
    tokens.push({ kind: 'number', value: Number(number[0]), at: start });
    return start + number[0].length;
  }
  NAME.lastIndex = start;
  const name = NAME.exec(expression);
  if (name) {
    tokens.push({ kind: 'name', text: name[0], at: start });
    return start + name[0].length;
  }
  throw intrinsicSyntaxFailure(expression, `unexpected '${expression[start] ?? ''}' at position ${start}`);
}
