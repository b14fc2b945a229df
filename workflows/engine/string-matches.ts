/**
 * The Choice rule `StringMatches`: `*` matches any run of characters; `\*` and `\\` are a literal
 * asterisk and backslash. https://states-language.net/spec.html#choice-state
 */

const compiled = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) {
      source += `\\${pattern[++i]}`;
    } else if (char === '*') {
      source += '[\\s\\S]*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Whether `value` matches the wildcard `pattern`. */
export function stringMatches(value: string, pattern: string): boolean {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = toRegExp(pattern);
    compiled.set(pattern, regexp);
  }
  return regexp.test(value);
}
