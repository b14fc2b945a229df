/**
 * An ASCII identifier fragment for Mermaid, derived from text alone so it is stable: ASCII
 * letters and digits stay, accents are dropped (`é` → `e`), other letters and digits become
 * `u` + hex code point, and every other run of characters becomes one `_`.
 */
export function mermaidSlug(text: string): string {
  const decomposed = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const parts = Array.from(decomposed, (ch) => {
    if (/[A-Za-z0-9]/.test(ch)) return ch;
    if (/[\p{L}\p{N}]/u.test(ch)) return `_u${ch.codePointAt(0)?.toString(16) ?? ''}_`;
    return '_';
  });
  return parts.join('').replace(/_+/g, '_').replace(/^_|_$/g, '');
}
