import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);

describe('encoding intrinsics', () => {
  it.each<[string, JsonValue, string]>([
    ['States.Base64Encode($.s)', { s: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Encode($.s)', { s: '' }, ''],
    ["States.Base64Encode('héllo ✓')", {}, 'aMOpbGxvIOKckw=='],
    ['States.Base64Encode($.s)', { s: 'x'.repeat(10_000) }, Buffer.from('x'.repeat(10_000)).toString('base64')],
    ['States.Base64Decode($.s)', { s: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    ['States.Base64Decode($.s)', { s: '' }, ''],
    ["States.Base64Decode('aMOpbGxvIOKckw==')", {}, 'héllo ✓'],
    ["States.Base64Decode('SGVsbG8')", {}, 'Hello'],
  ])('evaluates %s on %j', (expression, data, expected) => {
    const result = evaluate(expression, data);

    expect(result).toBe(expected);
  });

  it.each<[string, JsonValue, string]>([
    ['States.Base64Encode()', {}, 'Invalid arguments in States.Base64Encode: expected 1 argument, got 0'],
    ['States.Base64Encode($.s)', { s: 1 }, 'Invalid arguments in States.Base64Encode: argument 1 must be a string, got number'],
    [
      'States.Base64Encode($.s)',
      { s: 'x'.repeat(10_001) },
      'Invalid arguments in States.Base64Encode: the input has 10001 characters, more than the maximum of 10000',
    ],
    ["States.Base64Decode('a', 'b')", {}, 'Invalid arguments in States.Base64Decode: expected 1 argument, got 2'],
    ["States.Base64Decode('not base64!')", {}, 'Invalid arguments in States.Base64Decode: the input is not valid Base64'],
    ["States.Base64Decode('QUJDR')", {}, 'Invalid arguments in States.Base64Decode: the input is not valid Base64'],
    [
      'States.Base64Decode($.s)',
      { s: 'A'.repeat(10_004) },
      'Invalid arguments in States.Base64Decode: the input has 10004 characters, more than the maximum of 10000',
    ],
  ])('fails %s with States.IntrinsicFailure', (expression, data, cause) => {
    const run = () => evaluate(expression, data);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});
