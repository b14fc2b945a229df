import { formatFieldPath } from '../../../../workflows/dsl/checks/field-path';

describe('formatFieldPath', () => {
  it.each([
    [['OutputPath'], 'OutputPath'],
    [['Choices', '0', 'Variable'], 'Choices[0].Variable'],
    [['Parameters', 'token.$'], 'Parameters.token.$'],
    [['Branches', 1], 'Branches[1]'],
  ])('renders %j as %s', (segments, expected) => {
    expect(formatFieldPath(segments)).toBe(expected);
  });
});
