/** Renders a field inside a state as a readable path, e.g. `Choices[0].Variable` or `Parameters.token.$`. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number' || /^\d+$/.test(segment)) return `[${segment}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}
