/** Damerau-Levenshtein distance (optimal string alignment): typos are mostly one insert, delete, swap or transposition ("lsit", "stauts"). */

/** The number of single-character edits (adjacent transpositions count as one) from `a` to `b`; anything above `limit` is reported as `limit + 1`. */
export function editDistance(a: string, b: string, limit: number = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, column) => column);
  let current = new Int32Array(b.length + 1);
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    let rowBest = row;
    for (let column = 1; column <= b.length; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1])
        best = Math.min(best, beforePrevious[column - 2] + 1);
      current[column] = best;
      rowBest = Math.min(rowBest, best);
    }
    if (rowBest > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], limit + 1);
}

/** How many edits a word of this length may carry and still count as a typo of another: none below 4 letters, 2 from 9. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 9 ? 2 : 1;
}
