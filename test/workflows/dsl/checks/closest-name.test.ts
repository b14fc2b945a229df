import { closestName, editDistance } from '../../../../workflows/dsl/checks/closest-name';

describe('closestName', () => {
  it.each([
    ['Finsh', ['Start', 'Finish'], 'Finish'],
    ['approve', ['Approve', 'Approved'], 'Approve'],
    ['Notify team', ['Notify teams', 'Notify'], 'Notify teams'],
    ['Deploy', ['Build', 'Test'], undefined],
    ['X', [], undefined],
  ])('suggests for %s among %j: %s', (name, candidates, expected) => {
    const suggestion = closestName(name, candidates);

    expect(suggestion).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('between %j and %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});
