import { isPath } from '../../../../workflows/engine/data-flow';

describe('isPath', () => {
  it.each([
    ['$', true],
    ['$.x', true],
    ['$[0]', true],
    ['$$', true],
    ['$$.Execution.Id', true],
    ['$var', true],
    ['$var.field[2]', true],
    ['$.items[?(@.price > 10)]', true],
    ['hello', false],
    ['', false],
    ['$1', false],
    ['{% $x %}', false],
    ["States.Format('{}', $.x)", false],
    ['price $.x', false],
  ])('%j → %p', (value, expected) => {
    const result = isPath(value);

    expect(result).toBe(expected);
  });
});
