import { StatesError } from '../../../../workflows/engine';
import { evaluateJsonata } from '../../../../workflows/engine/jsonata/jsonata-expression';
import { resolveJsonataTemplate } from '../../../../workflows/engine/jsonata/jsonata-template';

const bindings = { states: { input: { n: [1, 2, 3], s: '{"a":1}' }, context: {} }, variables: { factor: 2 } };

async function failure(promise: Promise<unknown>): Promise<StatesError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StatesError) return error;
  }
  throw new Error('expected a StatesError');
}

describe('JSONata evaluation', () => {
  it.each([
    ['$sum($states.input.n) * $factor', 12],
    ['$partition($states.input.n, 2)', [[1, 2], [3]]],
    ['$range(0, 9, 3)', [0, 3, 6, 9]],
    ['$parse($states.input.s)', { a: 1 }],
    ["$hash('Hash this string', 'SHA-256')", '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e'],
    ['$states.input.n[$ > 1]', [2, 3]],
  ])('%s → %j', async (expression, expected) => {
    expect(await evaluateJsonata(expression, bindings, 'Output')).toStrictEqual(expected);
  });

  it('returns random numbers and UUIDs', async () => {
    const random = await evaluateJsonata('$random()', bindings, 'Output');
    const uuid = await evaluateJsonata('$uuid()', bindings, 'Output');

    expect(typeof random === 'number' && random >= 0 && random < 1).toBe(true);
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports undefined results with AWS wording', async () => {
    const error = await failure(evaluateJsonata('$nothing', bindings, 'Output/result'));

    expect(error.code).toBe('States.QueryEvaluationError');
    expect(error.details).toBe("The JSONata expression '$nothing' specified for the field 'Output/result' returned nothing (undefined).");
    expect(error.location).toBe('Output/result');
  });

  it('reports evaluation errors with the JSONata code', async () => {
    const error = await failure(evaluateJsonata('$randomSeeded(1)', bindings, 'Output'));

    expect(error.details).toBe(
      "The JSONata expression '$randomSeeded(1)' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  it('resolves templates in nested objects and arrays', async () => {
    const resolved = await resolveJsonataTemplate(
      { a: ['{% $factor %}', 'plain'], b: { c: '{% $states.input.n[0] %}' } },
      bindings,
      'Output',
    );

    expect(resolved).toStrictEqual({ a: [2, 'plain'], b: { c: 1 } });
  });
});
