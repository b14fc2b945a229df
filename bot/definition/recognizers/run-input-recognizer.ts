/** The `run-input` recognizer: a JSON object or `key=value` pairs the user typed as a run's input. */
import type { TextMatch } from './text-match';

/** `key=value`, the value quoted or up to the next space, comma or semicolon. */
const KEY_VALUE = /[A-Za-z_][\w.-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s,;]+)/g;

/** The first `{...}` object (braces balanced, strings respected), else the `key=value` pairs from the first to the last; verbatim. */
export function recognizeRunInput(text: string): TextMatch | undefined {
  return jsonObjectIn(text) ?? keyValuePairsIn(text);
}

/** The payload of a whole answer to "what input?", or undefined when it holds none. */
export function parseRunInputAnswer(text: string): string | undefined {
  return recognizeRunInput(text)?.value;
}

function jsonObjectIn(text: string): TextMatch | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (quote) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = undefined;
    } else if (character === '"') {
      quote = character;
    } else if (character === '{') {
      depth += 1;
    } else if (character === '}') {
      depth -= 1;
      if (depth === 0) return { value: text.slice(start, index + 1), start, end: index + 1 };
    }
  }
  const end = text.lastIndexOf('}');
  return end > start ? { value: text.slice(start, end + 1), start, end: end + 1 } : undefined;
}

function keyValuePairsIn(text: string): TextMatch | undefined {
  const pairs = [...text.matchAll(KEY_VALUE)];
  if (pairs.length === 0) return undefined;
  const start = pairs[0].index ?? 0;
  const last = pairs[pairs.length - 1];
  const end = (last.index ?? 0) + last[0].length;
  return { value: text.slice(start, end), start, end };
}
