/**
 * A position in a path or filter text, ported from Jayway's CharacterIndex so that the compilers
 * accept exactly what Jayway accepts (including its quirks: `end` is inclusive, and a token that ends
 * one character before `end` makes the rest count as read).
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/CharacterIndex.java
 */
import { JsonPathError } from '../../errors';

const SPACE = ' ';

/** Throws Jayway's InvalidPathException. */
export function invalidPath(message: string): never {
  throw new JsonPathError('InvalidPath', message);
}

/** A cursor over `text`, with an inclusive `end`. */
export class PathCursor {
  position = 0;
  end: number;

  constructor(readonly text: string) {
    this.end = text.length - 1;
  }

  /** The character at `at`; Jayway reads past the end with String.charAt, which throws. */
  charAt(at: number): string {
    const char = this.text[at];
    // Jayway leaks a java.lang.StringIndexOutOfBoundsException here; we say what happened instead.
    if (char === undefined) return invalidPath(`Unexpected end of path at position ${at}`);
    return char;
  }

  current(): string {
    return this.charAt(this.position);
  }

  currentIs(char: string): boolean {
    return this.text[this.position] === char;
  }

  lastIs(char: string): boolean {
    return this.text[this.end] === char;
  }

  nextIs(char: string): boolean {
    return this.inBounds(this.position + 1) && this.text[this.position + 1] === char;
  }

  inBounds(at = this.position): boolean {
    return at >= 0 && at <= this.end;
  }

  /** Jayway's `currentIsTail()`: true one character before the end too. */
  isTail(): boolean {
    return this.position >= this.end;
  }

  hasMore(): boolean {
    return this.inBounds(this.position + 1);
  }

  /** Index of the first non-space character after `from`, if it is `char`, else -1. */
  indexOfNextSignificant(char: string, from = this.position): number {
    let at = from + 1;
    while (this.inBounds(at) && this.text[at] === SPACE) at += 1;
    return this.charAt(at) === char ? at : -1;
  }

  nextSignificantIs(char: string, from = this.position): boolean {
    let at = from + 1;
    while (this.inBounds(at) && this.text[at] === SPACE) at += 1;
    return this.inBounds(at) && this.text[at] === char;
  }

  /** The first non-space character after `from`, or a space past the end. */
  nextSignificant(from = this.position): string {
    let at = from + 1;
    while (this.inBounds(at) && this.text[at] === SPACE) at += 1;
    return this.inBounds(at) ? (this.text[at] ?? SPACE) : SPACE;
  }

  previousSignificant(): string {
    let at = this.position - 1;
    while (this.inBounds(at) && this.text[at] === SPACE) at -= 1;
    return this.inBounds(at) ? (this.text[at] ?? SPACE) : SPACE;
  }

  indexOfPreviousSignificant(): number {
    let at = this.position - 1;
    while (this.inBounds(at) && this.text[at] === SPACE) at -= 1;
    return this.inBounds(at) ? at : -1;
  }

  nextIndexOf(char: string, from: number): number {
    for (let at = from; this.inBounds(at); at += 1) if (this.text[at] === char) return at;
    return -1;
  }

  /** Index of the next `char` after `from` that no backslash escapes. */
  nextIndexOfUnescaped(char: string, from = this.position): number {
    let escaped = false;
    for (let at = from + 1; this.inBounds(at); at += 1) {
      if (escaped) escaped = false;
      else if (this.text[at] === '\\') escaped = true;
      else if (this.text[at] === char) return at;
    }
    return -1;
  }

  /** Index of the `close` matching the `open` at `from`, optionally skipping quoted strings and /regexes/. */
  indexOfMatchingClose(from: number, open: string, close: string, skipStrings: boolean, skipRegex: boolean): number {
    if (this.charAt(from) !== open) invalidPath(`Expected ${open} but found ${this.charAt(from)}`);
    let opened = 1;
    for (let at = from + 1; this.inBounds(at); at += 1) {
      const quote = this.text[at];
      if (skipStrings && (quote === "'" || quote === '"')) {
        at = this.nextIndexOfUnescaped(quote, at);
        if (at === -1) invalidPath(`Could not find matching close quote for ${quote} when parsing : ${this.text}`);
        at += 1;
      }
      if (skipRegex && this.text[at] === '/') {
        at = this.nextIndexOfUnescaped('/', at);
        if (at === -1) invalidPath(`Could not find matching close for / when parsing regex in : ${this.text}`);
        at += 1;
      }
      const char = this.charAt(at);
      if (char === open) opened += 1;
      if (char === close && --opened === 0) return at;
    }
    return -1;
  }

  /** Skips spaces, but never past `end`. */
  skipBlanks(): this {
    while (this.inBounds() && this.position < this.end && this.text[this.position] === SPACE) this.position += 1;
    return this;
  }

  trim(): this {
    this.skipBlanks();
    while (this.inBounds() && this.position < this.end && this.text[this.end] === SPACE) this.end -= 1;
    return this;
  }

  /** Consumes `char` after any spaces, or fails as Jayway does. */
  readSignificant(char: string): void {
    if (this.skipBlanks().current() !== char) invalidPath(`Expected character: ${char}`);
    this.position += 1;
  }

  /** Consumes `sequence` after any spaces when it is there. */
  hasSignificantSequence(sequence: string): boolean {
    this.skipBlanks();
    if (!this.inBounds(this.position + sequence.length - 1)) return false;
    if (this.text.slice(this.position, this.position + sequence.length) !== sequence) return false;
    this.position += sequence.length;
    return true;
  }
}
