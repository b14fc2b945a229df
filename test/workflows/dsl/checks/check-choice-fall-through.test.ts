import { diagnose, machine, scope, warning } from './diagnose';

const CODE = 'choice-fall-through';
const MESSAGE = 'Choice has no Default: when no rule matches, the execution fails with States.NoChoiceMatched';

const rules = [{ Variable: '$.approved', BooleanEquals: true, Next: 'Done' }];

describe('checkChoiceFallThrough (choice-fall-through)', () => {
  it('warns about a Choice without Default', () => {
    const definition = machine({ Decide: { Type: 'Choice', Choices: rules }, Done: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([warning(CODE, ['Decide'], MESSAGE)]);
  });

  it('warns about a Choice inside a Parallel branch by its full path', () => {
    const definition = machine({
      Fork: { Type: 'Parallel', Branches: [scope({ Decide: { Type: 'Choice', Choices: rules }, Done: { Type: 'Succeed' } })], End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([warning(CODE, ['Fork', 'Decide'], MESSAGE)]);
  });

  it('accepts a Choice with Default', () => {
    const definition = machine({ Decide: { Type: 'Choice', Choices: rules, Default: 'Done' }, Done: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
