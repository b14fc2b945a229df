/** Characters that end or reinterpret a quoted Mermaid label, as Mermaid entity codes. */
const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
};

/**
 * Makes text safe inside a quoted Mermaid label: quotes, `#`, HTML and edge-label delimiters
 * become entity codes, line breaks become spaces, other Unicode passes through unchanged
 * (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters).
 */
export function escapeMermaidText(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/["#&<>|`]/g, (ch) => ENTITIES[ch] ?? ch);
}
