/**
 * Jayway JsonPath's path compiler, ported: it accepts exactly the paths Jayway accepts and fails with
 * Jayway's InvalidPathException messages. A `.` may precede a bracket (`$.[0]`, `$.a.['b']`,
 * `$..[0]`), because readDotToken just moves past the dot and reads whatever token follows.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PathCompiler.java
 */
import { parseIndexes, parseSlice } from './array-operation';
import { compileJaywayFilter } from './compile-jayway-filter';
import { invalidPath, PathCursor } from './path-cursor';
import type { JaywayPath, PathSegment } from './path-segment';
import { unescapeJava } from './unescape-java';

/** A compiled path, and whether Jayway silently dropped a last character it could not read (`$.a[`). */
export type CompiledJaywayPath = JaywayPath & { droppedTail?: string };

const DIGIT = /^\d$/;

/** Compiles a `$`- or `@`-rooted path; throws JsonPathError('InvalidPath') with Jayway's message. */
export function compileJaywayPath(text: string): CompiledJaywayPath {
  const cursor = new PathCursor(text).trim();
  if (cursor.lastIs('.')) invalidPath("Path must not end with a '.' or '..'");
  const root = cursor.current();
  if (root !== '$' && root !== '@') invalidPath("Path must start with '$' or '@'");
  const segments: PathSegment[] = [];
  const compiler = new Compiler(cursor, segments);
  if (!cursor.isTail()) {
    cursor.position += 1;
    if (!cursor.currentIs('.') && !cursor.currentIs('[')) {
      invalidPath(`Illegal character at position ${cursor.position} expected '.' or '['`);
    }
    compiler.readNextToken();
  }
  const dropped = compiler.droppedTail;
  return { root, segments, definite: isDefinite(segments), ...(dropped ? { droppedTail: dropped } : {}) };
}

/** Jayway's definiteness: single names and indexes, functions, and `['a','b']` when it is the last token. */
export function isDefinite(segments: readonly PathSegment[]): boolean {
  return segments.every((segment, at) => isTokenDefinite(segment, at === segments.length - 1));
}

/** PathToken.isTokenDefinite() of each token kind. */
export function isTokenDefinite(segment: PathSegment, isLeaf: boolean): boolean {
  if (segment.kind === 'names') return isLeaf;
  return segment.kind === 'name' || segment.kind === 'index' || segment.kind === 'function';
}

class Compiler {
  droppedTail: string | undefined;

  constructor(
    private readonly cursor: PathCursor,
    private readonly segments: PathSegment[],
  ) {}

  /** After a token: stop at the tail (Jayway's currentIsTail, which leaves one last character unread). */
  private continue(): void {
    const { cursor } = this;
    if (cursor.isTail()) {
      if (cursor.position === cursor.end) this.droppedTail = cursor.text[cursor.position];
      return;
    }
    this.readNextToken();
  }

  readNextToken(): void {
    const { cursor } = this;
    const char = cursor.current();
    if (char === '[') {
      if (!this.readBracketProperty() && !this.readArray() && !this.readWildcard() && !this.readFilter() && !this.readPlaceholder()) {
        invalidPath(`Could not parse token starting at position ${cursor.position}. Expected ?, ', 0-9, * `);
      }
    } else if (char === '.') {
      this.readDot();
    } else if (char === '*') {
      this.readWildcard();
    } else if (!this.readPropertyOrFunction()) {
      invalidPath(`Could not parse token starting at position ${cursor.position}`);
    }
  }

  private readDot(): void {
    const { cursor } = this;
    if (cursor.currentIs('.') && cursor.nextIs('.')) {
      this.segments.push({ kind: 'scan' });
      cursor.position += 2;
    } else if (!cursor.hasMore()) {
      invalidPath("Path must not end with a '.");
    } else {
      cursor.position += 1;
    }
    if (cursor.currentIs('.')) invalidPath(`Character '.' on position ${cursor.position} is not valid.`);
    this.readNextToken();
  }

  private readPropertyOrFunction(): boolean {
    const { cursor } = this;
    if ('[*. '.includes(cursor.current())) return false;
    const start = cursor.position;
    let at = start;
    let end = 0;
    let isFunction = false;
    for (; cursor.inBounds(at); at += 1) {
      const char = cursor.text[at];
      if (char === ' ') {
        invalidPath(`Use bracket notion ['my prop'] if your property contains blank characters. position: ${cursor.position}`);
      } else if (char === '.' || char === '[') {
        end = at;
        break;
      } else if (char === '(') {
        isFunction = true;
        end = at;
        break;
      }
    }
    if (end === 0) end = cursor.end + 1;
    const name = cursor.text.slice(start, end);
    if (!isFunction) {
      cursor.position = end;
      this.segments.push({ kind: 'name', name });
      this.continue();
      return true;
    }
    const close = closingParenthesis(cursor, at);
    if (close === -1) invalidPath(`Arguments to function: '${name}' are not closed properly.`);
    // Jayway parses the arguments here (PathCompiler.parseFunctionParameters); we keep their text only.
    cursor.position = cursor.inBounds(at + 1) && cursor.text[at + 1] !== ')' ? close + 1 : at + 1;
    this.segments.push({ kind: 'function', name, text: cursor.text.slice(start, close + 1) });
    // After `fn()` Jayway stands on the `)`: the end of the path, not a character it drops.
    if (cursor.position === cursor.end && cursor.currentIs(')')) return true;
    this.continue();
    return true;
  }

  private readPlaceholder(): boolean {
    const { cursor } = this;
    const question = cursor.indexOfNextSignificant('?');
    if (question === -1) return false;
    const next = cursor.nextSignificant(question);
    if (next !== ']' && next !== ',') return false;
    const close = cursor.nextIndexOf(']', cursor.position + 1);
    if (close === -1) return false;
    const expression = cursor.text.slice(cursor.position + 1, close);
    // AWS passes no Predicate objects to Jayway, so `[?]` placeholders can never be filled.
    return invalidPath(`Not enough predicates supplied for filter [${expression}] at position ${cursor.position}`);
  }

  private readFilter(): boolean {
    const { cursor } = this;
    const open = cursor.position;
    const question = cursor.indexOfNextSignificant('?');
    if (question === -1) return false;
    const parenthesis = cursor.indexOfNextSignificant('(', question);
    if (parenthesis === -1) return false;
    const closeParenthesis = cursor.indexOfMatchingClose(parenthesis, '(', ')', true, true);
    if (closeParenthesis === -1 || !cursor.nextSignificantIs(']', closeParenthesis)) return false;
    const close = cursor.indexOfNextSignificant(']', closeParenthesis);
    const text = cursor.text.slice(open, close + 1);
    this.segments.push({ kind: 'filter', filter: compileJaywayFilter(text), text });
    cursor.position = close + 1;
    this.continue();
    return true;
  }

  private readWildcard(): boolean {
    const { cursor } = this;
    const inBracket = cursor.currentIs('[');
    if (inBracket && !cursor.nextSignificantIs('*')) return false;
    if (!cursor.currentIs('*') && !cursor.inBounds(cursor.position + 1)) return false;
    if (inBracket) {
      const star = cursor.indexOfNextSignificant('*');
      if (!cursor.nextSignificantIs(']', star)) invalidPath(`Expected wildcard token to end with ']' on position ${star + 1}`);
      cursor.position = cursor.indexOfNextSignificant(']', star) + 1;
    } else {
      cursor.position += 1;
    }
    this.segments.push({ kind: 'wildcard' });
    this.continue();
    return true;
  }

  private readArray(): boolean {
    const { cursor } = this;
    const next = cursor.nextSignificant();
    if (!DIGIT.test(next) && next !== '-' && next !== ':') return false;
    const close = cursor.nextIndexOf(']', cursor.position + 1);
    if (close === -1) return false;
    const expression = cursor.text.slice(cursor.position + 1, close).trim();
    if (expression === '*' || !/^[\d,\-: ]*$/.test(expression)) return false;
    this.segments.push(expression.includes(':') ? parseSlice(expression) : parseIndexes(expression));
    cursor.position = close + 1;
    this.continue();
    return true;
  }

  private readBracketProperty(): boolean {
    const { cursor } = this;
    const quote = cursor.nextSignificant();
    if (quote !== "'" && quote !== '"') return false;
    const names: string[] = [];
    let start = cursor.position + 1;
    let end = 0;
    let inProperty = false;
    let inEscape = false;
    let lastWasComma = false;
    for (let at = start; cursor.inBounds(at); at += 1) {
      const char = cursor.text[at];
      if (inEscape) inEscape = false;
      else if (char === '\\') inEscape = true;
      else if (char === ']' && !inProperty) {
        if (lastWasComma) invalidPath(`Found empty property at index ${at}`);
        break;
      } else if (char === quote) {
        if (inProperty) {
          const after = cursor.nextSignificant(at);
          if (after !== ']' && after !== ',') {
            invalidPath(`Property must be separated by comma or Property must be terminated close square bracket at index ${at}`);
          }
          end = at;
          names.push(unescapeJava(cursor.text.slice(start, end)));
          inProperty = false;
        } else {
          start = at + 1;
          inProperty = true;
          lastWasComma = false;
        }
      } else if (char === ',' && !inProperty) {
        if (lastWasComma) invalidPath(`Found empty property at index ${at}`);
        lastWasComma = true;
      }
    }
    if (inProperty) invalidPath(`Property has not been closed - missing closing ${quote}`);
    const close = cursor.indexOfNextSignificant(']', end);
    if (close === -1) invalidPath('Property has not been closed - missing closing ]');
    cursor.position = close + 1;
    const [first] = names;
    if (first === undefined) invalidPath('Empty properties');
    this.segments.push(names.length === 1 ? { kind: 'name', name: first } : { kind: 'names', names });
    this.continue();
    return true;
  }
}

/** Index of the `)` closing the `(` at `open` (Jayway counts parentheses only, ignoring quotes). */
function closingParenthesis(cursor: PathCursor, open: number): number {
  let depth = 1;
  for (let at = open + 1; at < cursor.end + 1; at += 1) {
    if (cursor.text[at] === ')') depth -= 1;
    else if (cursor.text[at] === '(') depth += 1;
    if (depth === 0) return at;
  }
  return -1;
}
