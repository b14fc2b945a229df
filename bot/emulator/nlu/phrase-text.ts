/** Text reduced to lower-case words for the small grammars: punctuation dropped, apostrophes and spaces normalised. */

/** "Yep, go ahead!" → "yep go ahead"; "don’t" → "don't". */
export function phraseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `words` (from `phraseText`) is a sequence of the given phrases only, each used any number of times. */
export function coveredByPhrases(words: string, phrases: ReadonlySet<string>): boolean {
  const tokens = words.split(' ').filter(Boolean);
  const reachable = new Array<boolean>(tokens.length + 1).fill(false);
  reachable[0] = true;
  for (let start = 0; start < tokens.length; start += 1) {
    if (!reachable[start]) continue;
    for (let end = start + 1; end <= tokens.length; end += 1) {
      if (phrases.has(tokens.slice(start, end).join(' '))) reachable[end] = true;
    }
  }
  return tokens.length > 0 && reachable[tokens.length];
}
