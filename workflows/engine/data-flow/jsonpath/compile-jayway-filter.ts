/**
 * Jayway JsonPath's filter compiler (`[?(...)]`), ported with its grammar and messages:
 *   LogicalOR  = LogicalAND { '||' LogicalAND }
 *   LogicalAND = Operand { '&&' Operand }
 *   Operand    = Relation | '(' LogicalOR ')' | '!' Operand
 *   Relation   = Value [ RelationalOperator Value ]
 * A value is a literal or a path from the item (`@.x`) or from the root (`$.x`, `$['x']`), so a filter
 * may compare with any other node of the document (`@.id == $.want`).
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/filter/FilterCompiler.java
 */
import { JsonPathError } from '../../errors';
import { compileJaywayPath } from './compile-jayway-path';
import { parsePermissiveJson } from './parse-permissive-json';
import { invalidPath, PathCursor } from './path-cursor';
import { RELATIONAL_OPERATORS, type FilterExpression, type FilterOperand, type RelationalOperator } from './path-segment';
import { unescapeJava } from './unescape-java';

const OPERATOR_CHARS = '<>=~!';
/** Java regex flags JavaScript has with the same meaning (PatternFlag i, m, s); Jayway's d, x, u and U have none. */
const PATTERN_FLAGS = /[ims]/g;

/** Compiles `[?(...)]`; throws JsonPathError('InvalidPath') with Jayway's message. */
export function compileJaywayFilter(text: string): FilterExpression {
  const cursor = new PathCursor(text).trim();
  if (!cursor.currentIs('[') || !cursor.lastIs(']')) invalidPath(`Filter must start with '[' and end with ']'. ${text}`);
  cursor.position += 1;
  cursor.end -= 1;
  cursor.trim();
  if (!cursor.currentIs('?')) invalidPath(`Filter must start with '[?' and end with ']'. ${text}`);
  cursor.position += 1;
  cursor.trim();
  if (!cursor.currentIs('(') || !cursor.lastIs(')')) invalidPath(`Filter must start with '[?(' and end with ')]'. ${text}`);
  try {
    const expression = readOr(cursor);
    cursor.skipBlanks();
    if (cursor.inBounds()) {
      invalidPath(`Expected end of filter expression instead of: ${text.slice(cursor.position, cursor.end + 1)}`);
    }
    return expression;
  } catch (error) {
    if (error instanceof JsonPathError && error.code === 'InvalidPath') throw error;
    const char = cursor.text[cursor.position] ?? '';
    return invalidPath(`Failed to parse filter: ${text}, error on position: ${cursor.position}, char: ${char}`);
  }
}

function readOr(cursor: PathCursor): FilterExpression {
  const operands = [readAnd(cursor)];
  for (;;) {
    const savepoint = cursor.position;
    if (!cursor.hasSignificantSequence('||')) {
      cursor.position = savepoint;
      break;
    }
    operands.push(readAnd(cursor));
  }
  const [only] = operands;
  return operands.length === 1 && only ? only : { kind: 'or', operands };
}

function readAnd(cursor: PathCursor): FilterExpression {
  const operands = [readOperand(cursor)];
  for (;;) {
    const savepoint = cursor.position;
    if (!cursor.hasSignificantSequence('&&')) {
      cursor.position = savepoint;
      break;
    }
    operands.push(readOperand(cursor));
  }
  const [only] = operands;
  return operands.length === 1 && only ? only : { kind: 'and', operands };
}

function readOperand(cursor: PathCursor): FilterExpression {
  const savepoint = cursor.skipBlanks().position;
  if (cursor.currentIs('!')) {
    cursor.readSignificant('!');
    const next = cursor.skipBlanks().current();
    if (next !== '$' && next !== '@') return { kind: 'not', operand: readOperand(cursor) };
    cursor.position = savepoint;
  }
  if (cursor.skipBlanks().currentIs('(')) {
    cursor.readSignificant('(');
    const expression = readOr(cursor);
    cursor.readSignificant(')');
    return expression;
  }
  return readRelation(cursor);
}

/** `Value [operator Value]`; a lone path is an existence check (`@.isbn`, `!@.isbn`). */
function readRelation(cursor: PathCursor): FilterExpression {
  const left = readValue(cursor);
  const savepoint = cursor.position;
  try {
    const operator = readOperator(cursor);
    const right = readValue(cursor);
    return { kind: 'relation', left: left.operand, operator, right: right.operand };
  } catch (error) {
    if (!(error instanceof JsonPathError && error.code === 'InvalidPath')) throw error;
    cursor.position = savepoint;
  }
  if (left.operand.kind !== 'path') return invalidPath('Expected path node');
  return { kind: 'exists', path: left.operand.path, shouldExist: !left.negated };
}

function readOperator(cursor: PathCursor): RelationalOperator {
  const begin = cursor.skipBlanks().position;
  const isSymbol = (at: number): boolean => OPERATOR_CHARS.includes(cursor.text[at] ?? '');
  if (isSymbol(cursor.position)) {
    while (cursor.inBounds() && isSymbol(cursor.position)) cursor.position += 1;
  } else {
    while (cursor.inBounds() && cursor.text[cursor.position] !== ' ') cursor.position += 1;
  }
  const text = cursor.text.slice(begin, cursor.position);
  const operator = RELATIONAL_OPERATORS.find((candidate) => candidate === text.toUpperCase());
  return operator ?? invalidPath(`Filter operator ${text} is not supported!`);
}

type ReadValue = { operand: FilterOperand; negated: boolean };

function readValue(cursor: PathCursor): ReadValue {
  const char = cursor.skipBlanks().current();
  if (char === '$' || char === '@') return readPath(cursor);
  if (char === '!') {
    cursor.position += 1;
    const next = cursor.skipBlanks().current();
    if (next === '$' || next === '@') return readPath(cursor);
    return invalidPath('Unexpected character: !');
  }
  return { operand: readLiteral(cursor, char), negated: false };
}

function readLiteral(cursor: PathCursor, char: string): FilterOperand {
  if (char === "'" || char === '"') return readString(cursor, char);
  if (char === 't' || char === 'f') return readBoolean(cursor);
  if (char === 'n') return readNull(cursor);
  if (char === '{' || char === '[') return readJson(cursor, char);
  if (char === '/') return readPattern(cursor);
  return readNumber(cursor);
}

/** A path runs to an operator character, a space or the `)` closing the expression (not a function's). */
function readPath(cursor: PathCursor): ReadValue {
  const negated = cursor.previousSignificant() === '!';
  const begin = cursor.position;
  cursor.position += 1;
  while (cursor.inBounds()) {
    if (cursor.currentIs('[')) {
      const close = cursor.indexOfMatchingClose(cursor.position, '[', ']', true, false);
      if (close === -1) invalidPath(`Square brackets does not match in filter ${cursor.text}`);
      cursor.position = close + 1;
    }
    const char = cursor.text[cursor.position] ?? '';
    const closesLogical = char === ')' && !closesFunction(cursor, begin);
    if (!cursor.inBounds() || OPERATOR_CHARS.includes(char) || char === ' ' || closesLogical) break;
    cursor.position += 1;
  }
  return { operand: { kind: 'path', path: compileJaywayPath(cursor.text.slice(begin, cursor.position)) }, negated };
}

/** Whether the `)` at the cursor ends `.fn()` inside the path started at `lowerBound`. */
function closesFunction(cursor: PathCursor, lowerBound: number): boolean {
  let at = cursor.indexOfPreviousSignificant();
  if (at === -1 || cursor.text[at] !== '(') return false;
  for (at -= 1; cursor.inBounds(at) && at > lowerBound; at -= 1) if (cursor.text[at] === '.') return true;
  return false;
}

function readString(cursor: PathCursor, quote: string): FilterOperand {
  const begin = cursor.position;
  const close = cursor.nextIndexOfUnescaped(quote);
  if (close === -1) invalidPath(`String literal does not have matching quotes. Expected ${quote} in ${cursor.text}`);
  cursor.position = close + 1;
  return { kind: 'string', value: unescapeJava(cursor.text.slice(begin + 1, close)) };
}

function readBoolean(cursor: PathCursor): FilterOperand {
  const begin = cursor.position;
  const end = cursor.currentIs('t') ? begin + 3 : begin + 4;
  if (!cursor.inBounds(end)) invalidPath('Expected boolean literal');
  const text = cursor.text.slice(begin, end + 1);
  if (text !== 'true' && text !== 'false') invalidPath('Expected boolean literal');
  cursor.position += text.length;
  return { kind: 'boolean', value: text === 'true' };
}

function readNull(cursor: PathCursor): FilterOperand {
  if (cursor.inBounds(cursor.position + 3) && cursor.text.slice(cursor.position, cursor.position + 4) === 'null') {
    cursor.position += 4;
    return { kind: 'null' };
  }
  return invalidPath('Expected <null> value');
}

function readJson(cursor: PathCursor, open: string): FilterOperand {
  const begin = cursor.position;
  const close = cursor.indexOfMatchingClose(begin, open, open === '[' ? ']' : '}', true, false);
  if (close === -1) invalidPath(`String not closed. Expected ' in ${cursor.text}`);
  cursor.position = close + 1;
  const text = cursor.text.slice(begin, close + 1);
  return { kind: 'json', text, value: parsePermissiveJson(text) };
}

/** `/regex/flags`; Jayway reads flags up to the next `=` or `)` and matches the whole string. */
function readPattern(cursor: PathCursor): FilterOperand {
  const begin = cursor.position;
  let close = cursor.nextIndexOfUnescaped('/');
  if (close === -1) invalidPath(`Pattern not closed. Expected / in ${cursor.text}`);
  if (cursor.inBounds(close + 1)) {
    const equals = cursor.nextIndexOf('=', cursor.position + 1);
    const end = equals > close ? equals : cursor.nextIndexOfUnescaped(')');
    // Java's subSequence throws when the `)` found lies inside the pattern.
    if (end < close + 1) throw new JsonPathError('Evaluation', 'Pattern flags cannot be read');
    close += end - close - 1;
  }
  cursor.position = close + 1;
  const text = cursor.text.slice(begin, close + 1);
  const source = text.slice(text.indexOf('/') + 1, text.lastIndexOf('/'));
  const flags = [...new Set(text.slice(text.lastIndexOf('/') + 1).match(PATTERN_FLAGS) ?? [])].join('');
  try {
    return { kind: 'pattern', regex: new RegExp(`^(?:${source})$`, flags) };
  } catch {
    throw new JsonPathError('Evaluation', `Invalid regular expression: /${source}/`);
  }
}

/** Digits, `-` and `.` (CharacterIndex.isNumberCharacter), read as a Java BigDecimal. */
function readNumber(cursor: PathCursor): FilterOperand {
  const begin = cursor.position;
  while (cursor.inBounds() && /[\d.-]/.test(cursor.text[cursor.position] ?? '')) cursor.position += 1;
  const text = cursor.text.slice(begin, cursor.position);
  const number = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!number || (number[2] === '' && (number[3] ?? '') === '')) {
    throw new JsonPathError('Evaluation', `Character array is missing "exponent" mark 'e' or 'E'.`);
  }
  const [, sign = '', whole = '', fraction] = number;
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  const value = Number(`${sign}${integer}.${fraction ?? ''}0`);
  const canonical = `${value === 0 ? '' : sign === '-' ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
  return { kind: 'number', value, text: canonical };
}
