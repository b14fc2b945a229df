import type { JsonValue } from '../../../../workflows/asl';
import { StatesError } from '../../../../workflows/engine/errors';
import type { IntrinsicExpression } from '../../../../workflows/engine/intrinsics/intrinsic-expression';
import { parseIntrinsic } from '../../../../workflows/engine/intrinsics/parse-intrinsic';

const call = (name: string, ...args: IntrinsicExpression[]): IntrinsicExpression => ({ kind: 'call', name, args });
const literal = (value: JsonValue, source?: string): IntrinsicExpression =>
  source === undefined ? { kind: 'literal', value } : { kind: 'literal', value, source };
const path = (text: string): IntrinsicExpression => ({ kind: 'path', path: text });

describe('parseIntrinsic', () => {
  it.each<[string, IntrinsicExpression]>([
    ['States.UUID()', call('States.UUID')],
    ['  States.Array( )  ', call('States.Array')],
    [
      "States.Array('a', 1, -2.5, 1e3, true, false, null)",
      call('States.Array', literal('a', 'a'), literal(1), literal(-2.5), literal(1000), literal(true), literal(false), literal(null)),
    ],
    ["States.Format('it\\'s \\{\\} \\\\')", call('States.Format', literal("it's {} \\", "it\\'s \\{\\} \\\\"))],
    ["States.Format('a,b)(c', 'd')", call('States.Format', literal('a,b)(c', 'a,b)(c'), literal('d', 'd'))],
    [
      'States.Array($, $$, $.a.b, $$.Execution.Input, $myVar.x[0])',
      call('States.Array', path('$'), path('$$'), path('$.a.b'), path('$$.Execution.Input'), path('$myVar.x[0]')),
    ],
    ["States.Array($.a[?(@.b == 'x, y')], $['c d'])", call('States.Array', path("$.a[?(@.b == 'x, y')]"), path("$['c d']"))],
    ['States.Array($.items.length())', call('States.Array', path('$.items.length()'))],
    [
      "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 0)",
      call(
        'States.ArrayGetItem',
        call(
          'States.StringSplit',
          call('States.ArrayGetItem', call('States.StringSplit', path('$.arn'), literal('/', '/')), literal(2)),
          literal('.', '.'),
        ),
        literal(0),
      ),
    ],
    ['States.MathAdd(-0, 1)', call('States.MathAdd', literal(0), literal(1))],
  ])('parses %s', (expression, expected) => {
    const parsed = parseIntrinsic(expression);

    expect(parsed).toStrictEqual(expected);
  });

  it.each([
    ['States.Format', "Invalid intrinsic function call 'States.Format': unexpected end, expected '('"],
    ["States.Format('a'", "Invalid intrinsic function call 'States.Format('a'': unexpected end, expected ')'"],
    ["States.Format('a)", "Invalid intrinsic function call 'States.Format('a)': unterminated string starting at position 14"],
    ["States.Format('\\n')", "Invalid intrinsic function call 'States.Format('\\n')': invalid escape sequence at position 15"],
    ['States.Array(1 2)', "Invalid intrinsic function call 'States.Array(1 2)': unexpected number at position 15, expected ')'"],
    ['States.Array(1,)', "Invalid intrinsic function call 'States.Array(1,)': unexpected ) at position 15"],
    ['States.Array() extra', "Invalid intrinsic function call 'States.Array() extra': unexpected 'extra' at position 15"],
    ['Format(1)', "Invalid intrinsic function call 'Format(1)': unexpected 'Format' at position 0"],
    ['States.Array(foo)', "Invalid intrinsic function call 'States.Array(foo)': unexpected 'foo' at position 13"],
    ['States.Array(#)', "Invalid intrinsic function call 'States.Array(#)': unexpected '#' at position 13"],
    ['States.Array($.a[0)', "Invalid intrinsic function call 'States.Array($.a[0)': unclosed '[' at position 16"],
    ['$.a', "Invalid intrinsic function call '$.a': unexpected path at position 0"],
  ])('rejects %s with States.IntrinsicFailure', (expression, cause) => {
    const parse = () => parseIntrinsic(expression);

    expect(parse).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });

  it('accepts 10 nested calls and rejects 11', () => {
    const nest = (depth: number): string => (depth === 1 ? 'States.Array()' : `States.Array(${nest(depth - 1)})`);

    expect(() => parseIntrinsic(nest(10))).not.toThrow();
    expect(() => parseIntrinsic(nest(11))).toThrow(
      new StatesError('States.IntrinsicFailure', `Invalid intrinsic function call '${nest(11)}': intrinsic functions nest deeper than 10`),
    );
  });
});
