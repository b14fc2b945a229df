/**
 * Recursive-descent parser for intrinsic calls:
 *   call     := 'States.' Name '(' [argument (',' argument)*] ')'
 *   argument := string | number | 'true' | 'false' | 'null' | path | call
 */
import { LRUCache } from 'lru-cache';
import type { JsonValue } from '../../asl';
import type { IntrinsicExpression } from './intrinsic-expression';
import { intrinsicSyntaxFailure } from './intrinsic-failure';
import { MAX_INTRINSIC_NESTING } from './intrinsic-limits';
import { tokenizeIntrinsic, type IntrinsicToken } from './tokenize-intrinsic';

const KEYWORDS: ReadonlyMap<string, JsonValue> = new Map<string, JsonValue>([
  ['true', true],
  ['false', false],
  ['null', null],
]);

type IntrinsicCall = IntrinsicExpression & { kind: 'call' };

/** Parsed calls by text (a text that is no call throws each time: nothing is cached then). */
const parsed = new LRUCache<string, IntrinsicCall>({ max: 5_000, memoMethod: (expression) => parseUncached(expression) });

/**
 * Parses one intrinsic call; throws States.IntrinsicFailure when `expression` is not one. Calls
 * are cached by text and shared: callers must not change them.
 */
export function parseIntrinsic(expression: string): IntrinsicCall {
  return parsed.memo(expression);
}

function parseUncached(expression: string): IntrinsicCall {
  const tokens = tokenizeIntrinsic(expression);
  let position = 0;

  const fail = (detail: string): never => {
    throw intrinsicSyntaxFailure(expression, detail);
  };
  const describe = (token: IntrinsicToken | undefined): string =>
    token ? `unexpected ${token.kind === 'name' ? `'${token.text}'` : token.kind} at position ${token.at}` : 'unexpected end';
  const expect = (kind: '(' | ')' | ','): void => {
    if (tokens[position]?.kind !== kind) fail(`${describe(tokens[position])}, expected '${kind}'`);
    position += 1;
  };

  const parseCall = (depth: number): IntrinsicExpression & { kind: 'call' } => {
    const token = tokens[position];
    if (token?.kind !== 'name' || !token.text.startsWith('States.')) return fail(describe(token));
    if (depth > MAX_INTRINSIC_NESTING) fail(`intrinsic functions nest deeper than ${MAX_INTRINSIC_NESTING}`);
    position += 1;
    expect('(');
    const args: IntrinsicExpression[] = [];
    if (tokens[position]?.kind !== ')') {
      args.push(parseArgument(depth));
      while (tokens[position]?.kind === ',') {
        position += 1;
        args.push(parseArgument(depth));
      }
    }
    expect(')');
    return { kind: 'call', name: token.text, args };
  };

  const parseArgument = (depth: number): IntrinsicExpression => {
    const token = tokens[position];
    if (token?.kind === 'string') {
      position += 1;
      return { kind: 'literal', value: token.value, source: token.source };
    }
    if (token?.kind === 'number') {
      position += 1;
      return { kind: 'literal', value: token.value + 0 };
    }
    if (token?.kind === 'path') {
      position += 1;
      return { kind: 'path', path: token.text };
    }
    if (token?.kind === 'name' && KEYWORDS.has(token.text)) {
      position += 1;
      return { kind: 'literal', value: KEYWORDS.get(token.text) ?? null };
    }
    return parseCall(depth + 1);
  };

  const call = parseCall(1);
  if (position < tokens.length) fail(describe(tokens[position]));
  return call;
}
