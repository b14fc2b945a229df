import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'malformed-definition';
const TYPES = 'Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map';

describe('checkStructure (malformed-definition)', () => {
  it.each([
    ['a definition without StartAt', { States: { A: { Type: 'Succeed' } } }, [], 'StartAt is missing; it must name the first state'],
    ['a StartAt that is not a string', { StartAt: 1, States: { A: { Type: 'Succeed' } } }, [], 'StartAt must be a state name, got 1'],
    ['a definition without States', { StartAt: 'A' }, [], 'States is missing'],
    ['an empty States', { StartAt: 'A', States: {} }, [], 'States is empty; at least one state is required'],
    ['a state that is not an object', { StartAt: 'A', States: { A: 'Pass' } }, ['A'], 'State must be a JSON object, got "Pass"'],
    ['a state without Type', machine({ A: { End: true } }), ['A'], `State has no Type; it must be one of ${TYPES}`],
    [
      'an unknown Type',
      machine({ A: { Type: 'Lambda', End: true } }),
      ['A'],
      `Type "Lambda" is not a state type; it must be one of ${TYPES}`,
    ],
    [
      'an unknown QueryLanguage',
      machine({ A: { Type: 'Succeed', QueryLanguage: 'XPath' } }),
      ['A'],
      'QueryLanguage "XPath" must be "JSONPath" or "JSONata"',
    ],
    ['a Task without Resource', machine({ A: { Type: 'Task', End: true } }), ['A'], 'Task state has no Resource'],
    [
      'a Parallel without Branches',
      machine({ P: { Type: 'Parallel', End: true } }),
      ['P'],
      'Branches must be a non-empty array of branches, got nothing',
    ],
    [
      'a branch that is not an object',
      machine({ P: { Type: 'Parallel', Branches: [3], End: true } }),
      ['P'],
      'Branches[0] must be an object with StartAt and States, got 3',
    ],
    ['a Map without ItemProcessor', machine({ M: { Type: 'Map', End: true } }), ['M'], 'Map state has no ItemProcessor'],
    [
      'a Choice without rules',
      machine({ C: { Type: 'Choice', Choices: [], Default: 'S' }, S: { Type: 'Succeed' } }),
      ['C'],
      'Choices must be a non-empty array of rules, got an array',
    ],
  ])('reports %s', (_, definition, statePath, message) => {
    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, statePath, message)]);
  });

  it('reports a malformed branch on the Parallel state, naming the branch', () => {
    const definition = machine({
      P: { Type: 'Parallel', Branches: [scope({ A: { Type: 'Succeed' } }), { States: { B: { Type: 'Succeed' } } }], End: true },
    });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['P'], 'Branches[1].StartAt is missing; it must name the first state')]);
  });

  it('accepts a well-formed definition', () => {
    const definition = machine({ A: { Type: 'Task', Resource: LAMBDA, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
