import { describeValue } from '../../../../workflows/dsl/checks/describe-value';

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
    ['Pass', '"Pass"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    [3, '3'],
    [false, 'false'],
  ])('names %j as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
