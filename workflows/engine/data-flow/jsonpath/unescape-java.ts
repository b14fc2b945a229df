/**
 * Java string escapes in quoted names (`$['it\\'s']`) and filter strings, as Jayway's Utils.unescape reads them.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/Utils.java
 */

/** `text` with `\n`, `\t`, `\'`, `\uXXXX`… replaced by the characters they stand for. */
export function unescapeJava(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\s\S]?)/g, (_, escape: string) => {
    if (escape.startsWith('u') && escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const controls: Record<string, string> = { r: '\r', f: '\f', t: '\t', n: '\n', b: '\b' };
    return escape === '' ? '\\' : (controls[escape] ?? escape);
  });
}
