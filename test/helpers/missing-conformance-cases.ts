/**
 * What a conformance suite does without the recorded cases (../shared/conformance): skips on a
 * developer's machine, but fails when CI is set, so a CI run can never pass without them.
 */

/** Registers the test standing in for a suite whose cases were not found at `where`. */
export function missingConformanceCases(where: string): void {
  const title = `needs the recorded cases, not found at ${where}`;
  if (process.env.CI) {
    it(title, () => {
      throw new Error(`the conformance cases are missing at ${where}; CI must run the conformance suites (CI is set)`);
    });
  } else {
    it.skip(title, () => undefined);
  }
}
