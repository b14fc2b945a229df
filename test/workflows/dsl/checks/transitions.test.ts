import { stateTransitions } from '../../../../workflows/dsl/checks/transitions';

describe('stateTransitions', () => {
  it('lists Choice rules, Default and Catch arms with the field that names each', () => {
    const choice = {
      Type: 'Choice',
      Choices: [{ Variable: '$.a', IsPresent: true, Next: 'A' }, 'not a rule', { Condition: '{% true %}', Next: 'B' }],
      Default: 'C',
    };

    const transitions = stateTransitions(choice);

    expect(transitions).toStrictEqual([
      { field: 'Choices[0].Next', target: 'A' },
      { field: 'Choices[2].Next', target: 'B' },
      { field: 'Default', target: 'C' },
    ]);
  });

  it('lists Next before Catch arms and ignores a Default outside a Choice', () => {
    const task = { Type: 'Task', Next: 'Done', Default: 'Ignored', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] };

    const transitions = stateTransitions(task);

    expect(transitions).toStrictEqual([
      { field: 'Next', target: 'Done' },
      { field: 'Catch[0].Next', target: 'Failed' },
    ]);
  });
});
