import type { JsonValue } from '../../../../workflows/asl';
import { applyResultPath } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';

const input: JsonValue = { comment: 'This is a test', details: { who: 'Step Functions' }, list: [1, { x: 1 }] };
const result: JsonValue = 'Hello, Step Functions!';

describe('applyResultPath', () => {
  it.each<[string | null | undefined, JsonValue]>([
    [undefined, result],
    ['$', result],
    [null, input],
    ['$.taskresult', { ...input, taskresult: result }],
    ['$.comment', { ...input, comment: result }],
    ['$.details.who', { ...input, details: { who: result } }],
    ["$['new']['deep'].path", { ...input, new: { deep: { path: result } } }],
    ['$.list[1].x', { ...input, list: [1, { x: result }] }],
    ['$.list[-2]', { ...input, list: [result, { x: 1 }] }],
  ])('applies %p', (resultPath, expected) => {
    const output = applyResultPath(input, result, resultPath);

    expect(output).toStrictEqual(expected);
  });

  it('does not modify the input', () => {
    const before = structuredClone(input);

    applyResultPath(input, result, '$.details.extra');

    expect(input).toStrictEqual(before);
  });

  // AWS's cause as reported from a real execution (aws/aws-cdk#29473).
  it.each<[JsonValue, string, string]>([
    ['{"min_size":10000}', '$.partitioned', 'Unable to apply ReferencePath $.partitioned to input "{\\"min_size\\":10000}"'],
    [null, '$.a', 'Unable to apply ReferencePath $.a to input null'],
    [[1, 2], '$.a', 'Unable to apply ReferencePath $.a to input [1,2]'],
    [{ a: 'text' }, '$.a.b', 'Unable to apply ReferencePath $.a.b to input {"a":"text"}'],
    [{ a: [1] }, '$.a[3]', 'Unable to apply ReferencePath $.a[3] to input {"a":[1]}'],
    [{ a: {} }, '$.a[0]', 'Unable to apply ReferencePath $.a[0] to input {"a":{}}'],
  ])('fails on %j at %s with States.ResultPathMatchFailure', (target, resultPath, cause) => {
    const apply = () => applyResultPath(target, 1, resultPath);

    expect(apply).toThrow(new StatesError('States.ResultPathMatchFailure', cause));
  });

  it.each(['$.items[*]', '$$.Execution', '$var.x', 'result'])('rejects %s, which is not a reference path', (resultPath) => {
    const apply = () => applyResultPath({}, 1, resultPath);

    expect(apply).toThrow(
      new StatesError('States.Runtime', `The value for the field 'ResultPath' must be a valid ReferencePath: ${resultPath}`),
    );
  });
});
