/** A stable 32-bit FNV-1a hash of text, so simulated figures differ per input but never per run. */
export function checksum(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
