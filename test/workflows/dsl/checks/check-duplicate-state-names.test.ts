import { diagnose, error, machine, scope } from './diagnose';
import { jsonPathDefinition } from './realistic-definitions';

const CODE = 'duplicate-state-name';
const RULE = 'state names must be unique across the whole state machine, including Parallel branches and Map processors';

describe('checkDuplicateStateNames (duplicate-state-name)', () => {
  it('reports a name reused inside a Parallel branch on its second occurrence, naming the first', () => {
    const definition = machine({
      Prepare: { Type: 'Pass', Next: 'Fan out' },
      'Fan out': { Type: 'Parallel', Branches: [scope({ Prepare: { Type: 'Pass', End: true } })], End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Fan out', 'Prepare'], `State name "Prepare" is already used at Prepare; ${RULE}`)]);
  });

  it('reports a name shared by two Map processors, naming the full path of the first', () => {
    const definition = machine({
      First: { Type: 'Map', ItemProcessor: scope({ Work: { Type: 'Pass', End: true } }), Next: 'Second' },
      Second: { Type: 'Map', Iterator: scope({ Work: { Type: 'Pass', End: true } }), End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Second', 'Work'], `State name "Work" is already used at First › Work; ${RULE}`)]);
  });

  it('accepts distinct names at every depth', () => {
    const definition = jsonPathDefinition();

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([]);
  });
});
