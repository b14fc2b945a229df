import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'heartbeat-not-less-than-timeout';

function task(fields: Record<string, unknown>): Record<string, unknown> {
  return machine({ Call: { Type: 'Task', Resource: LAMBDA, ...fields, End: true } });
}

describe('checkTimeouts (heartbeat-not-less-than-timeout)', () => {
  it.each([
    [600, 300],
    [300, 300],
  ])('reports HeartbeatSeconds %i against TimeoutSeconds %i, which asl-validator accepts', (heartbeat, timeout) => {
    const definition = task({ TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Call'], `HeartbeatSeconds (${heartbeat}) must be less than TimeoutSeconds (${timeout})`),
    ]);
  });

  it.each([
    ['TimeoutSeconds', 0],
    ['TimeoutSeconds', 1.5],
    ['HeartbeatSeconds', -5],
  ])('reports %s of %d, which is not a positive integer', (field, value) => {
    const definition = task({ [field]: value });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['Call'], `${field} (${value}) must be a positive integer`)]);
  });

  it('reports a non-positive state machine TimeoutSeconds on the definition', () => {
    const definition = machine({ A: { Type: 'Succeed' } }, { TimeoutSeconds: 0 });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, [], 'TimeoutSeconds (0) must be a positive integer')]);
  });

  it('reports a task nested in a Map processor by its full path', () => {
    const definition = machine({
      Each: {
        Type: 'Map',
        ItemProcessor: scope({ Call: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 60, HeartbeatSeconds: 90, End: true } }),
        End: true,
      },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Each', 'Call'], 'HeartbeatSeconds (90) must be less than TimeoutSeconds (60)')]);
  });

  it.each([
    ['a heartbeat shorter than the timeout', { TimeoutSeconds: 300, HeartbeatSeconds: 60 }],
    [
      'JSONata expressions, only known at run time',
      { QueryLanguage: 'JSONata', TimeoutSeconds: '{% $states.input.t %}', HeartbeatSeconds: '{% $states.input.h %}' },
    ],
  ])('accepts %s', (_, fields) => {
    const definition = task(fields);

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
