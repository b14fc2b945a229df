import fc from 'fast-check';
import { checkDefinition } from '../../../../workflows/dsl/checks/check-definition';
import { STATE_TYPES } from '../../../../workflows/dsl/checks/state-types';

const json = fc.jsonValue({ maxDepth: 3 });
const name = fc.constantFrom('A', 'B', 'C', 'Done');

/** States that look roughly right, with every field possibly of the wrong kind. */
const state: fc.Arbitrary<unknown> = fc.letrec<{ state: unknown; scope: unknown }>((tie) => ({
  state: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    json,
    fc.record(
      {
        Type: fc.oneof(fc.constantFrom(...STATE_TYPES), json),
        QueryLanguage: fc.oneof(fc.constantFrom('JSONPath', 'JSONata'), json),
        Next: fc.oneof(name, json),
        End: fc.oneof(fc.boolean(), json),
        Default: fc.oneof(name, json),
        Resource: fc.oneof(fc.constant('arn:aws:states:::lambda:invoke.waitForTaskToken'), json),
        Choices: fc.oneof(
          fc.array(fc.record({ Variable: fc.oneof(fc.string(), json), Next: name, Condition: json }, { requiredKeys: [] })),
          json,
        ),
        Branches: fc.oneof(fc.array(tie('scope'), { maxLength: 2 }), json),
        ItemProcessor: fc.oneof(tie('scope'), json),
        Catch: fc.oneof(fc.array(fc.record({ ErrorEquals: json, Next: name, ResultPath: json }, { requiredKeys: [] })), json),
        Retry: json,
        Parameters: json,
        Arguments: fc.oneof(fc.constant('{% $states.input %}'), fc.constant('{% ( %}'), json),
        Output: json,
        InputPath: fc.oneof(fc.string(), json),
        ResultPath: fc.oneof(fc.string(), json),
        TimeoutSeconds: json,
        HeartbeatSeconds: json,
      },
      { requiredKeys: [] },
    ),
  ),
  scope: fc.record(
    { StartAt: fc.oneof(name, json), States: fc.oneof(fc.dictionary(name, tie('state'), { maxKeys: 3 }), json), QueryLanguage: json },
    { requiredKeys: [] },
  ),
})).state;

const definition = fc.record(
  {
    StartAt: fc.oneof(name, json),
    States: fc.oneof(fc.dictionary(name, state, { maxKeys: 4 }), json),
    QueryLanguage: fc.oneof(fc.constantFrom('JSONPath', 'JSONata'), json),
    TimeoutSeconds: json,
  },
  { requiredKeys: [] },
);

describe('checkDefinition on malformed input', () => {
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => {
        checkDefinition(value, { workflow: 'fuzz' });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on definitions with fields of the wrong kind, and always names its workflow', () => {
    fc.assert(
      fc.property(definition, (value) => {
        const diagnostics = checkDefinition(value, { workflow: 'fuzz' });

        expect(diagnostics.every((d) => d.workflow === 'fuzz' && d.message.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
