/**
 * Payload templates (Parameters, ResultSelector, ItemSelector): keys ending in `.$` take a path,
 * a context path, a variable or an intrinsic function; the types follow the paths.
 */
import type { PathMessage } from './check-path';
import type { PathOf, Simplify, ValueAt, VariableRef } from './type-paths';

/** A path into the context object, e.g. `$$.Execution.Id`, `$$.Task.Token`, `$$.Map.Item.Value`. */
export type ContextPath = `$$.${string}`;
/** An intrinsic function call, e.g. `States.Format('order {}', $.id)`. */
export type IntrinsicCall = `States.${string}(${string})`;

/** A template node, before checking its paths against the data type. */
export type TemplateShape = { readonly [key: string]: unknown };

/** Checks every `.$` value of a template against the paths of `T`; a wrong one becomes the reason it is wrong. */
export type CheckTemplate<T, P> = {
  [K in keyof P]: K extends `${string}.$`
    ? P[K] extends ContextPath | IntrinsicCall | VariableRef
      ? P[K]
      : P[K] extends PathOf<T>
        ? P[K]
        : P[K] extends string
          ? PathMessage<T, P[K]>
          : `'${K}' needs a path, a context path or an intrinsic function`
    : P[K] extends readonly unknown[]
      ? P[K]
      : P[K] extends object
        ? CheckTemplate<T, P[K]>
        : P[K];
};

type StripDollar<K> = K extends `${infer Name}.$` ? Name : K;

/** Types of the context object's fields (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html). */
type ContextValue<P> = P extends '$$.State.RetryCount' | '$$.Map.Item.Index'
  ? number
  : P extends
        | `$$.${'Execution' | 'State' | 'StateMachine'}.${'Id' | 'Name' | 'StartTime' | 'EnteredTime' | 'RoleArn' | 'RedriveCount' | 'RedriveTime'}`
        | '$$.Task.Token'
    ? P extends '$$.Execution.RedriveCount'
      ? number
      : string
    : unknown;

/** Result types of the intrinsic functions that have one fixed type. */
type IntrinsicValue<P> = P extends `States.${'Format' | 'JsonToString' | 'Base64Encode' | 'Base64Decode' | 'Hash' | 'UUID'}(${string}`
  ? string
  : P extends `States.${'ArrayLength' | 'MathAdd' | 'MathRandom'}(${string}`
    ? number
    : P extends `States.ArrayContains(${string}`
      ? boolean
      : P extends `States.${'Array' | 'ArrayPartition' | 'ArrayRange' | 'ArrayUnique' | 'StringSplit'}(${string}`
        ? unknown[]
        : unknown;

/** The value a template produces for input `T`. */
export type ResolveTemplate<T, P> = Simplify<{
  -readonly [K in keyof P as StripDollar<K>]: K extends `${string}.$`
    ? P[K] extends `$$.${string}`
      ? ContextValue<P[K]>
      : P[K] extends `States.${string}`
        ? IntrinsicValue<P[K]>
        : P[K] extends string
          ? ValueAt<T, P[K]>
          : unknown
    : P[K] extends readonly unknown[]
      ? P[K]
      : P[K] extends object
        ? ResolveTemplate<T, P[K]>
        : P[K];
}>;
