import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'retry-catch-not-allowed';
const RETRY = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }];
const CATCH = [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }];

describe('checkRetryCatch (retry-catch-not-allowed)', () => {
  it.each([
    ['Pass', { End: true }],
    ['Wait', { Seconds: 1, End: true }],
    ['Choice', { Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Recover' }], Default: 'Recover' }],
    ['Succeed', {}],
    ['Fail', {}],
  ])('reports Retry and Catch on a %s state', (type, fields) => {
    const definition = machine({ Step: { Type: type, ...fields, Retry: RETRY, Catch: CATCH }, Recover: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Step'], `Retry is not allowed on a ${type} state; only Task, Parallel and Map states can have Retry or Catch`),
      error(CODE, ['Step'], `Catch is not allowed on a ${type} state; only Task, Parallel and Map states can have Retry or Catch`),
    ]);
  });

  it('is the only diagnostic for a Pass with Retry, without asl-validator schema noise', () => {
    const definition = machine({ Step: { Type: 'Pass', Retry: RETRY, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Step'], 'Retry is not allowed on a Pass state; only Task, Parallel and Map states can have Retry or Catch'),
    ]);
  });

  it.each([
    ['Task', { Resource: LAMBDA }],
    ['Parallel', { Branches: [scope({ Inner: { Type: 'Succeed' } })] }],
    ['Map', { ItemProcessor: scope({ Inner: { Type: 'Succeed' } }) }],
  ])('accepts Retry and Catch on a %s state', (type, fields) => {
    const definition = machine({ Step: { Type: type, ...fields, Retry: RETRY, Catch: CATCH, End: true }, Recover: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
