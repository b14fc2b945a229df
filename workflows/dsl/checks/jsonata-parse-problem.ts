/** Parses a JSONata expression the way AWS does when a state machine is created. */
import jsonata from 'jsonata';

/** jsonata's own account of why `expression` does not parse (message, position, code), or undefined when it does. */
export function jsonataParseProblem(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    if (typeof error !== 'object' || error === null) return String(error);
    const { message, position, code } = error as { message?: unknown; position?: unknown; code?: unknown };
    const where = typeof position === 'number' ? ` at position ${position}` : '';
    const id = typeof code === 'string' ? ` [${code}]` : '';
    return `${String(message)}${where}${id}`;
  }
}
