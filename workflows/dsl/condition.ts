/**
 * Typed Choice conditions: every ASL comparison, the type tests, And/Or/Not, and JSONata.
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { BooleanExpression } from '../asl';
import type { KindOf, PathMessage } from './check-path';
import type { PathOf, ValueAt, VariableRef } from './type-paths';

/** A Choice rule's test, ready to be placed in `Choices`. */
export class Condition {
  private constructor(readonly rule: BooleanExpression | { Condition: string }) {}

  /** @internal */
  static of(rule: BooleanExpression | { Condition: string }): Condition {
    return new Condition(rule);
  }
}

/** What each typed test compares, for the message when the field holds something else. */
type Compared = { string: 'strings'; number: 'numbers'; timestamp: 'timestamps'; boolean: 'booleans' };

/**
 * A Choice variable: `P` when it is a context path, a variable, or a path to a value of type `V`;
 * otherwise the reason it is not. `NoInfer` keeps tsc from exploring the reasons while it infers `P`.
 */
type CheckVariable<T, P extends string, V, Test extends keyof Compared> = P extends `$$.${string}` | VariableRef
  ? P
  : NoInfer<TypedPath<T, P, V, Test>>;
type TypedPath<T, P extends string, V, Test extends keyof Compared> = unknown extends T
  ? PathOrReason<T, P>
  : P extends PathOf<T>
    ? NonNullable<ValueAt<T, P>> extends infer Value
      ? [Value] extends [never]
        ? `'${P}' is not in every form the data can take here`
        : [Value] extends [V]
          ? P
          : `'${P}' is ${KindOf<Value>}, but ${Test}() compares ${Compared[Test]}`
      : never
    : PathMessage<T, P>;
/** `P` when it is a path of `T` (or a context path or variable); otherwise the reason it is not. */
type CheckAnyVariable<T, P extends string> = P extends `$$.${string}` | VariableRef ? P : NoInfer<PathOrReason<T, P>>;
type PathOrReason<T, P extends string> = P extends PathOf<T> ? P : PathMessage<T, P>;

const test = (variable: string, operator: string, operand: string | number | boolean): Condition =>
  Condition.of({ Variable: variable, [operator]: operand });

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
  equalsPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
    return test(this.variable, `${this.prefix}EqualsPath`, path);
  }
  lessThanPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
    return test(this.variable, `${this.prefix}LessThanPath`, path);
  }
  greaterThanPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
    return test(this.variable, `${this.prefix}GreaterThanPath`, path);
  }
  lessThanEqualsPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
    return test(this.variable, `${this.prefix}LessThanEqualsPath`, path);
  }
  greaterThanEqualsPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
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
  equalsPath<P extends string>(path: CheckAnyVariable<T, P>): Condition {
    return test(this.variable, 'BooleanEqualsPath', path);
  }
}

/** Builds conditions over data of type `T`; paths are checked against `T`. */
export class Conditions<T> {
  string<P extends string>(variable: CheckVariable<T, P, string, 'string'>): StringTest<T> {
    return new StringTest<T>(variable, 'String');
  }
  number<P extends string>(variable: CheckVariable<T, P, number, 'number'>): Ordered<T, number> {
    return new Ordered<T, number>(variable, 'Numeric');
  }
  timestamp<P extends string>(variable: CheckVariable<T, P, string | Date, 'timestamp'>): Ordered<T, string> {
    return new Ordered<T, string>(variable, 'Timestamp');
  }
  boolean<P extends string>(variable: CheckVariable<T, P, boolean, 'boolean'>): BooleanTest<T> {
    return new BooleanTest<T>(variable);
  }
  isPresent<P extends string>(variable: CheckAnyVariable<T, P>, present = true): Condition {
    return test(variable, 'IsPresent', present);
  }
  isNull<P extends string>(variable: CheckAnyVariable<T, P>, isNull = true): Condition {
    return test(variable, 'IsNull', isNull);
  }
  isNumeric<P extends string>(variable: CheckAnyVariable<T, P>, numeric = true): Condition {
    return test(variable, 'IsNumeric', numeric);
  }
  isString<P extends string>(variable: CheckAnyVariable<T, P>, isString = true): Condition {
    return test(variable, 'IsString', isString);
  }
  isBoolean<P extends string>(variable: CheckAnyVariable<T, P>, isBoolean = true): Condition {
    return test(variable, 'IsBoolean', isBoolean);
  }
  isTimestamp<P extends string>(variable: CheckAnyVariable<T, P>, isTimestamp = true): Condition {
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
