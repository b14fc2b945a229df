import { allowedTypos, editDistance } from '../../../../bot/emulator/nlu/edit-distance';

describe('editDistance', () => {
  it.each([
    ['list', 'list', 0],
    ['lsit', 'list', 1],
    ['stauts', 'status', 1],
    ['strat', 'start', 1],
    ['fulfilment', 'fulfillment', 1],
    ['aprove', 'approve', 1],
    ['rejcet', 'reject', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('counts %s → %s as %i edits (a swap is one)', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('stops at the limit and reports limit + 1 beyond it', () => {
    expect(editDistance('payroll', 'deploy', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('allowedTypos', () => {
  it.each([
    ['hlp', 0],
    ['lsit', 1],
    ['deploy', 1],
    ['fulfilment', 2],
  ])('allows %s %i edits', (word, expected) => {
    expect(allowedTypos(word)).toBe(expected);
  });
});
