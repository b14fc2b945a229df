import { findState, walkStates } from '../../../../workflows/dsl/checks/walk-states';
import { machine, scope } from './diagnose';

describe('walkStates', () => {
  const definition = machine(
    {
      'Fan out': {
        Type: 'Parallel',
        Branches: [scope({ Left: { Type: 'Pass', End: true } }), scope({ Right: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } })],
        Next: 'Each',
      },
      Each: { Type: 'Map', Iterator: scope({ Item: { Type: 'Succeed' } }), End: true },
    },
    { QueryLanguage: 'JSONata' },
  );

  it('lists every state with its path from the top level, in document order', () => {
    const walked = walkStates(definition);

    expect(walked.states.map((visit) => visit.path)).toStrictEqual([
      ['Fan out'],
      ['Fan out', 'Left'],
      ['Fan out', 'Right'],
      ['Each'],
      ['Each', 'Item'],
    ]);
  });

  it('lists each scope with its owner, label, field and JSON pointer', () => {
    const walked = walkStates(definition);

    expect(walked.scopes.map(({ kind, ownerPath, label, field, pointer }) => ({ kind, ownerPath, label, field, pointer }))).toStrictEqual([
      { kind: 'machine', ownerPath: [], label: 'the state machine', field: '', pointer: '' },
      {
        kind: 'branch',
        ownerPath: ['Fan out'],
        label: 'branch 1 of "Fan out"',
        field: 'Branches[0]',
        pointer: '/States/Fan out/Branches/0',
      },
      {
        kind: 'branch',
        ownerPath: ['Fan out'],
        label: 'branch 2 of "Fan out"',
        field: 'Branches[1]',
        pointer: '/States/Fan out/Branches/1',
      },
      { kind: 'processor', ownerPath: ['Each'], label: 'the Iterator of "Each"', field: 'Iterator', pointer: '/States/Each/Iterator' },
    ]);
  });

  it('gives nested states the top-level query language unless they set their own', () => {
    const walked = walkStates(definition);

    expect(findState(walked, ['Fan out', 'Left'])?.queryLanguage).toBe('JSONata');
    expect(findState(walked, ['Fan out', 'Right'])?.queryLanguage).toBe('JSONPath');
    expect(walked.queryLanguage).toBe('JSONata');
  });

  it.each([null, [], 3, { States: 3 }, { StartAt: 'A', States: { A: 3, B: null } }])(
    'walks malformed input %j without throwing and without visiting non-objects',
    (malformed) => {
      const walked = walkStates(malformed);

      expect(walked.states).toStrictEqual([]);
    },
  );
});
