/**
 * Claims `wanted` in `taken`, or the first free `wanted` + separator + 2, 3…, so that ids stay
 * unique even for awkward state names (a state called `__start__`, or `a/b` beside `a` › `b`).
 */
export function claimUniqueId(taken: Set<string>, wanted: string, separator: string): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n += 1) id = `${wanted}${separator}${n}`;
  taken.add(id);
  return id;
}
