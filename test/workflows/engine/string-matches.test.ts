import { stringMatches } from '../../../workflows/engine/string-matches';

describe('StringMatches', () => {
  it.each([
    ['log-*.txt', 'log-2024.txt', true],
    ['*', '', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abd', false],
    ['a\\*c', 'a*c', true],
    ['a\\\\c', 'a\\c', true],
    ['a.c', 'abc', false],
    ['(x)', '(x)', true],
  ])('%j matches %j: %s', (pattern, value, expected) => {
    expect(stringMatches(value, pattern)).toBe(expected);
  });
});
