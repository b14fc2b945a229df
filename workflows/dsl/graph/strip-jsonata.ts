/** The expression inside a JSONata template `{% … %}`, trimmed; any other text unchanged. */
export function stripJsonata(text: string): string {
  const match = /^\s*\{%([\s\S]*)%\}\s*$/.exec(text);
  return match ? match[1].trim() : text;
}
