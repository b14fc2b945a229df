/**
 * JSON literals in filters (`@.size in ['S', 'M']`). Jayway reads them with json-smart's permissive
 * mode, which also takes single-quoted strings; that is the part of it filters use.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/filter/ValueNodes.java (JsonNode.parse)
 */
import type { JsonValue } from '../../../asl';

/** The value of `text`, or `undefined` when it does not parse (Jayway then fails when it evaluates the filter). */
export function parsePermissiveJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    try {
      return JSON.parse(doubleQuoted(text)) as JsonValue;
    } catch {
      return undefined;
    }
  }
}

/** `text` with each single-quoted string rewritten as a JSON string. */
function doubleQuoted(text: string): string {
  let out = '';
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '"') {
      const end = closingQuote(text, at, '"');
      out += text.slice(at, end + 1);
      at = end;
    } else if (char === "'") {
      const end = closingQuote(text, at, "'");
      const body = text
        .slice(at + 1, end)
        .replace(/\\'/g, "'")
        .replace(/(?<!\\)"/g, '\\"');
      out += `"${body}"`;
      at = end;
    } else {
      out += char;
    }
  }
  return out;
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let at = open + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === quote) return at;
  }
  return text.length;
}
