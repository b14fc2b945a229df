import { isJsonataState } from '../../../../workflows/dsl/checks/is-jsonata-state';

describe('isJsonataState', () => {
  it.each([
    [{ Type: 'Pass' }, undefined, false],
    [{ Type: 'Pass' }, 'JSONata', true],
    [{ Type: 'Pass', QueryLanguage: 'JSONata' }, 'JSONPath', true],
    [{ Type: 'Pass', QueryLanguage: 'JSONPath' }, 'JSONata', false],
    [{ Type: 'Pass', QueryLanguage: 'jsonata' }, 'JSONPath', false],
    [null, 'JSONata', true],
  ] as const)('decides %j inheriting %s -> %s', (state, inherited, expected) => {
    const result = isJsonataState(state, inherited);

    expect(result).toBe(expected);
  });
});
