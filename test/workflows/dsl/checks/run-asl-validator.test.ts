import { runAslValidator } from '../../../../workflows/dsl/checks/run-asl-validator';
import { machine, scope } from './diagnose';

describe('runAslValidator', () => {
  it('numbers the States objects the way asl-validator names them (fsm1, fsm2, …)', () => {
    const definition = machine({
      Fork: { Type: 'Parallel', Branches: [scope({ Loop: { Type: 'Pass', Next: 'Loop' } })], End: true },
    });

    const result = runAslValidator(definition);

    expect(result).toStrictEqual({
      errors: [{ code: 'MISSING_TERMINAL_STATE', message: 'State machine fsm2 is missing a terminal state' }],
      statesPointers: ['/States', '/States/Fork/Branches/0/States'],
    });
  });

  it('leaves the definition as it was, although asl-validator writes QueryLanguage into every state', () => {
    const definition = machine({ A: { Type: 'Succeed' } });

    runAslValidator(definition);

    expect(definition).toStrictEqual({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });
  });

  it('reports a definition it cannot copy as an EXCEPTION error instead of throwing', () => {
    const definition: Record<string, unknown> = { StartAt: 'A' };
    definition.States = { A: definition };

    const result = runAslValidator(definition);

    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.code).toBe('EXCEPTION');
  });
});
