import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = {
  context: { StateMachine: { Id: 'arn:aws:states:us-east-1:111111111111:stateMachine:sm', Name: 'sm' } },
  variables: { name: 'John', place: 'LocalStack' },
};
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);
const TWO_VALUES = "States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)";

describe('States.Format', () => {
  // Values as AWS recorded them (intrinsic_functions/test_format_* and LocalStack's test_generic snapshots).
  it.each<[JsonValue, string]>([
    ['', 'Formatting arguments fst= and snd=.'],
    [' ', 'Formatting arguments fst=  and snd= .'],
    ['HelloWorld', 'Formatting arguments fst=HelloWorld and snd=HelloWorld.'],
    [null, 'Formatting arguments fst=null and snd=null.'],
    [1, 'Formatting arguments fst=1 and snd=1.'],
    [1.1, 'Formatting arguments fst=1.1 and snd=1.1.'],
    [true, 'Formatting arguments fst=true and snd=true.'],
    ['{"Arg1": 1, "Arg2": []}', 'Formatting arguments fst={"Arg1": 1, "Arg2": []} and snd={"Arg1": 1, "Arg2": []}.'],
    [{ Arg1: 1, Arg2: [] }, 'Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.'],
    [[1, 'a', { b: null }], 'Formatting arguments fst=[1, a, {b=null}] and snd=[1, a, {b=null}].'],
  ])('formats %j', (value, expected) => {
    const result = evaluate(TWO_VALUES, { fst: value, snd: value });

    expect(result).toBe(expected);
  });

  it.each<[string, JsonValue, string]>([
    ["States.Format('no placeholders')", {}, 'no placeholders'],
    ["States.Format('Hello {}, welcome to {}!', $name, $place)", {}, 'Hello John, welcome to LocalStack!'],
    ["States.Format('{}', $$.StateMachine)", {}, '{Id=arn:aws:states:us-east-1:111111111111:stateMachine:sm, Name=sm}'],
    ["States.Format('\\{\\} is literal, {} is not', 'x')", {}, '{} is literal, x is not'],
    ["States.Format('it\\'s {} \\\\ {}', 1, 2)", {}, "it's 1 \\ 2"],
    ['States.Format($.template, $.name)', { template: 'Hello, my name is {}.', name: 'Arnav' }, 'Hello, my name is Arnav.'],
    ["States.Format('{}{}', States.Array(1), States.JsonToString($.o))", { o: { a: 1 } }, '[1]{"a":1}'],
  ])('evaluates %s', (expression, data, expected) => {
    const result = evaluate(expression, data);

    expect(result).toBe(expected);
  });

  it.each<[string, string]>([
    ['States.Format()', 'Invalid arguments in States.Format: expected at least 1 argument, got 0'],
    ["States.Format('{} and {}', 1)", 'Invalid arguments in States.Format: the template has 2 placeholder(s) but 1 value(s) were given'],
    ["States.Format('{}', 1, 2)", 'Invalid arguments in States.Format: the template has 1 placeholder(s) but 2 value(s) were given'],
    ["States.Format('\\{\\}', 1)", 'Invalid arguments in States.Format: the template has 0 placeholder(s) but 1 value(s) were given'],
    ['States.Format(1)', 'Invalid arguments in States.Format: argument 1 must be a string, got number'],
  ])('fails %s with States.IntrinsicFailure', (expression, cause) => {
    const run = () => evaluate(expression);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});
