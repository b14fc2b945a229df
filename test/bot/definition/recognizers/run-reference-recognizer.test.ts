import { originalRunReference, recognizeRunReference } from '../../../../bot/definition/recognizers/run-reference-recognizer';

describe('recognizeRunReference', () => {
  it.each([
    ["what's the status of r-7f3a9c?", 'r-7f3a9c'],
    ['please deny R-88AA01 due to missing sign-off', 'r-88aa01'],
    ['is run r-12ab stuck?', 'r-12ab'],
    ['r-deadbe status', 'r-deadbe'],
    ['approve r-7f3a9c, comment: smoke tests passed', 'r-7f3a9c'],
  ])('reads the run id in %j, lower-cased', (text, id) => {
    expect(recognizeRunReference(text)?.value).toBe(id);
  });

  it.each([
    ['status of last run pls', 'last'],
    ['reject the latest run', 'latest'],
    ['what happened with the most recent run', 'most recent'],
    ['stop the newest one', 'newest one'],
    ['abort the last one', 'last one'],
    ['approve the latest', 'latest'],
    ['status of the last nightly report run', 'last'],
    ['sign off on the last', 'last'],
  ])('reads %j as the latest run', (text, original) => {
    const match = recognizeRunReference(text);

    expect(match?.value).toBe('latest');
    expect(match && originalRunReference(text, match)).toBe(original);
  });

  it.each([
    'approve it',
    'check status',
    'what did I do last week',
    'at last, is it done',
    'the latest version of the docs',
    'order-fulfillment',
  ])('finds no run in %j', (text) => {
    expect(recognizeRunReference(text)).toBeUndefined();
  });
});
