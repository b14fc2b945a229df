import { cleanFreeText, recognizeAfterMarker } from '../../../../bot/definition/recognizers/after-marker-recognizer';

describe('recognizeAfterMarker', () => {
  it.each([
    ['reject r-9c1e22 because the canary error rate is too high', 'the canary error rate is too high'],
    ['decline r-51be02, reason: duplicate refund request', 'duplicate refund request'],
    ['please deny R-88AA01 due to missing sign-off from security', 'missing sign-off from security'],
    ['approve r-7f3a9c, comment: smoke tests passed', 'smoke tests passed'],
    ['sign off r-51be02 and add a note saying finance confirmed the amount', 'finance confirmed the amount'],
    ['block it, the deploy window is closed', 'the deploy window is closed'],
    ['approve r-12ab since it was reviewed.', 'it was reviewed'],
    ['approve r-12ab note: verified with finance', 'verified with finance'],
    ['approve r-12ab with comment "release notes reviewed"', 'release notes reviewed'],
    ['lgtm r-7f3a9c - canary is clean', 'canary is clean'],
    ['reject r-7f3a9c: no rollback plan!', 'no rollback plan'],
    ['reject r-1a2b due to: missing tests', 'missing tests'],
    ['approve it saying all checks passed', 'all checks passed'],
  ])('reads the free text of %j', (text, value) => {
    expect(recognizeAfterMarker(text)?.value).toBe(value);
  });

  it.each([
    'lgtm, ship it',
    'approve r-12ab',
    'reject it',
    "nope, don't approve r-3c9d0f",
    'ok, approve r-12ab',
    'approve r-12ab and add a note',
    'approve it, thanks',
  ])('finds no free text in %j', (text) => {
    expect(recognizeAfterMarker(text)).toBeUndefined();
  });

  it('starts its span at the marker, so the classifier can cut the free text away', () => {
    const text = 'reject r-1a2b because it is broken';

    const match = recognizeAfterMarker(text);

    expect(match && text.slice(0, match.start)).toBe('reject r-1a2b ');
  });
});

describe('cleanFreeText', () => {
  it.each([
    ['  because it is broken. ', 'it is broken'],
    ['Reason: "duplicate"', 'duplicate'],
    ['the numbers look wrong', 'the numbers look wrong'],
  ])('reduces the answer %j to %j', (answer, value) => {
    expect(cleanFreeText(answer)).toBe(value);
  });

  it('has nothing for an empty answer', () => {
    expect(cleanFreeText(' ... ')).toBeUndefined();
  });
});

describe('recognizeAfterMarker on marker-like words', () => {
  it('does not take "noted" or "reasonable" for a marker', () => {
    expect(recognizeAfterMarker('approve r-12ab, all noted')).toBeUndefined();
    expect(recognizeAfterMarker('approve the reasonable one')).toBeUndefined();
  });

  it('does not strip "since" from the start of "sincerely"', () => {
    expect(cleanFreeText('sincerely wrong numbers')).toBe('sincerely wrong numbers');
  });
});
