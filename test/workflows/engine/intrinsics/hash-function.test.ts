import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);

describe('States.Hash', () => {
  // Digests of "input data" as recorded on AWS (intrinsic_functions/test_hash_*), MD5 from node:crypto.
  it.each([
    ['MD5', '812f45842bc6d66ee14572ce20db8e86'],
    ['SHA-1', 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['SHA-256', 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
    ['SHA-384', 'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562'],
    [
      'SHA-512',
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    ],
  ])('hashes with %s', (algorithm, digest) => {
    const result = evaluate('States.Hash($.data, $.algorithm)', { data: 'input data', algorithm });

    expect(result).toBe(digest);
  });

  it.each<[string, JsonValue, string]>([
    ["States.Hash('x')", {}, 'Invalid arguments in States.Hash: expected 2 arguments, got 1'],
    ["States.Hash(1, 'MD5')", {}, 'Invalid arguments in States.Hash: argument 1 must be a string, got number'],
    [
      "States.Hash('x', 'sha-256')",
      {},
      "Invalid arguments in States.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got 'sha-256'",
    ],
    [
      "States.Hash($.data, 'MD5')",
      { data: 'x'.repeat(10_001) },
      'Invalid arguments in States.Hash: the data has 10001 characters, more than the maximum of 10000',
    ],
  ])('fails %s with States.IntrinsicFailure', (expression, data, cause) => {
    const run = () => evaluate(expression, data);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});
