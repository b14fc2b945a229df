import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);

describe('States.StringSplit', () => {
  // Splits recorded on AWS (intrinsic_functions/test_string_split_*).
  it.each<[string, string, string[]]>([
    ['1,2,3,4,5', ',', ['1', '2', '3', '4', '5']],
    ['This.is+a,test=string', '.+,=', ['This', 'is', 'a', 'test', 'string']],
    [', , ,', ',', [' ', ' ']],
    [',,,,', ',', []],
    ['', ',', []],
    ['abc', '', ['abc']],
    ['a\nb,c\n', ',', ['a\nb', 'c\n']],
  ])('splits %j on %j', (text, delimiters, expected) => {
    const result = evaluate('States.StringSplit($.text, $.delimiters)', { text, delimiters });

    expect(result).toStrictEqual(expected);
  });

  it.each<[string, JsonValue, string]>([
    ["States.StringSplit('a')", {}, 'Invalid arguments in States.StringSplit: expected 2 arguments, got 1'],
    ["States.StringSplit($.n, ',')", { n: 12 }, 'Invalid arguments in States.StringSplit: argument 1 must be a string, got number'],
    ["States.StringSplit('a,b', $.d)", { d: [','] }, 'Invalid arguments in States.StringSplit: argument 2 must be a string, got array'],
  ])('fails %s with States.IntrinsicFailure', (expression, data, cause) => {
    const run = () => evaluate(expression, data);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});
