/**
 * Typed Choice conditions: every ASL comparison, the type tests, And/Or/Not, and JSONata.
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { BooleanExpression } from '../asl';
import type { PathOf, PathOfType, VariableRef } from './type-paths';

/** A Choice rule's test, ready to be placed in `Choices`. */
export class Condition {
  private constructor(readonly rule: BooleanExpression | { Condition: string }) {}

  /** @internal */
  static of(rule: BooleanExpression | { Condition: string }): Condition {
    return new Condition(rule);
  }
}

/** A path, variable or context path a Choice rule can test. */
type Variable<T, V> = (unknown extends T ? PathOf<T> : PathOfType<T, V>) | `$$.${string}` | VariableRef;
type AnyVariable<T> = PathOf<T> | `$$.${string}` | VariableRef;

const test = (variable: string, operator: string, operand: string | number | boolean): Condition =>
  Condition.of({ Variable: variable, [operator]: operand } as BooleanExpression);

/** Comparisons shared by strings, numbers and timestamps. */
class Ordered<T, V extends string | number> {
  constructor(
    protected readonly variable: string,
    protected readonly prefix: 'String' | 'Numeric' | 'Timestamp',
  ) {}
  equals(value: V): Condition {
    return test(this.variable, `${this.prefix}Equals`, value);
  }
  lessThan(value: V): Condition {
    return test(this.variable, `${this.prefix}LessThan`, value);
  }
  greaterThan(value: V): Condition {
    return test(this.variable, `${this.prefix}GreaterThan`, value);
  }
  lessThanEquals(value: V): Condition {
    return test(this.variable, `${this.prefix}LessThanEquals`, value);
  }
  greaterThanEquals(value: V): Condition {
    return test(this.variable, `${this.prefix}GreaterThanEquals`, value);
  }
  equalsPath(path: AnyVariable<T>): Condition {
    return test(this.variable, `${this.prefix}EqualsPath`, path);
  }
  lessThanPath(path: AnyVariable<T>): Condition {
    return test(this.variable, `${this.prefix}LessThanPath`, path);
  }
  greaterThanPath(path: AnyVariable<T>): Condition {
    return test(this.variable, `${this.prefix}GreaterThanPath`, path);
  }
  lessThanEqualsPath(path: AnyVariable<T>): Condition {
    return test(this.variable, `${this.prefix}LessThanEqualsPath`, path);
  }
  greaterThanEqualsPath(path: AnyVariable<T>): Condition {
    return test(this.variable, `${this.prefix}GreaterThanEqualsPath`, path);
  }
}

class StringTest<T> extends Ordered<T, string> {
  /** Glob match where `*` is any text; `\\*` is a literal star. */
  matches(pattern: string): Condition {
    return test(this.variable, 'StringMatches', pattern);
  }
}

class BooleanTest<T> {
  constructor(private readonly variable: string) {}
  equals(value: boolean): Condition {
    return test(this.variable, 'BooleanEquals', value);
  }
  equalsPath(path: AnyVariable<T>): Condition {
    return test(this.variable, 'BooleanEqualsPath', path);
  }
}

/** Builds conditions over data of type `T`; paths are checked against `T`. */
export class Conditions<T> {
  string(variable: Variable<T, string>): StringTest<T> {
    return new StringTest<T>(variable, 'String');
  }
  number(variable: Variable<T, number>): Ordered<T, number> {
    return new Ordered<T, number>(variable, 'Numeric');
  }
  timestamp(variable: Variable<T, string | Date>): Ordered<T, string> {
    return new Ordered<T, string>(variable, 'Timestamp');
  }
  boolean(variable: Variable<T, boolean>): BooleanTest<T> {
    return new BooleanTest<T>(variable);
  }
  isPresent(variable: AnyVariable<T>, present = true): Condition {
    return test(variable, 'IsPresent', present);
  }
  isNull(variable: AnyVariable<T>, isNull = true): Condition {
    return test(variable, 'IsNull', isNull);
  }
  isNumeric(variable: AnyVariable<T>, numeric = true): Condition {
    return test(variable, 'IsNumeric', numeric);
  }
  isString(variable: AnyVariable<T>, isString = true): Condition {
    return test(variable, 'IsString', isString);
  }
  isBoolean(variable: AnyVariable<T>, isBoolean = true): Condition {
    return test(variable, 'IsBoolean', isBoolean);
  }
  isTimestamp(variable: AnyVariable<T>, isTimestamp = true): Condition {
    return test(variable, 'IsTimestamp', isTimestamp);
  }
  and(...conditions: Condition[]): Condition {
    return Condition.of({ And: conditions.map(expressionOf) });
  }
  or(...conditions: Condition[]): Condition {
    return Condition.of({ Or: conditions.map(expressionOf) });
  }
  not(condition: Condition): Condition {
    return Condition.of({ Not: expressionOf(condition) });
  }
  /** A JSONata condition (JSONata states only), e.g. `'{% $states.input.total > 100 %}'`. */
  jsonata(expression: `{%${string}%}`): Condition {
    return Condition.of({ Condition: expression });
  }
}

function expressionOf(condition: Condition): BooleanExpression {
  if ('Condition' in condition.rule) {
    throw new TypeError('a JSONata condition cannot be nested inside And/Or/Not; write the whole test in JSONata');
  }
  return condition.rule;
}
