/**
 * The input a chat start uses: the workflow's example, a JSON object the user typed (used as is),
 * or `key=value` pairs set on the example (values read as JSON where they are: numbers, booleans,
 * quoted strings; dotted keys reach into objects).
 */

/** The input, or a sentence saying what could not be read. */
export type ParsedRunInput = { input: unknown } | { error: string };

const PAIR = /^([A-Za-z_][\w.-]*)=(.*)$/;

/** Reads `text` (the RunInput slot), starting from `example`. */
export function parseRunInput(text: string | undefined, example: unknown): ParsedRunInput {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { input: example ?? {} };
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { input: value };
    } catch (error) {
      return { error: `the input is not valid JSON (${(error as Error).message})` };
    }
    return { error: 'the input must be a JSON object' };
  }
  const input = structuredClone(isObject(example) ? example : {});
  for (const pair of trimmed.split(/[\s,]+/).filter(Boolean)) {
    const match = PAIR.exec(pair);
    if (!match) return { error: `'${pair}' is not a key=value pair` };
    setPath(input, match[1].split('.'), valueOf(match[2]));
  }
  return { input };
}

function valueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.replace(/^['"]|['"]$/g, '');
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
