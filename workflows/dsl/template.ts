/**
 * Payload templates (Parameters, ResultSelector, ItemSelector): keys ending in `.$` take a path,
 * a context path, a variable or an intrinsic function; the types follow the paths.
 */
import type { PathOf, Simplify, ValueAt, VariableRef } from './type-paths';

/** A path into the context object, e.g. `$$.Execution.Id`, `$$.Task.Token`, `$$.Map.Item.Value`. */
export type ContextPath = `$$.${string}`;
/** An intrinsic function call, e.g. `States.Format('order {}', $.id)`. */
export type IntrinsicCall = `States.${string}(${string})`;

/** A template node, before checking its paths against the data type. */
export type TemplateShape = { readonly [key: string]: unknown };

/** Checks every `.$` value of a template against the paths of `T`. */
export type CheckTemplate<T, P> = {
  [K in keyof P]: K extends `${string}.$`
    ? P[K] extends ContextPath | IntrinsicCall | VariableRef
      ? P[K]
      : PathOf<T>
    : P[K] extends readonly unknown[]
      ? P[K]
      : P[K] extends object
        ? CheckTemplate<T, P[K]>
        : P[K];
};

type StripDollar<K> = K extends `${infer Name}.$` ? Name : K;

/** The value a template produces for input `T`. */
export type ResolveTemplate<T, P> = Simplify<{
  -readonly [K in keyof P as StripDollar<K>]: K extends `${string}.$`
    ? P[K] extends `$$.${string}` | `States.${string}`
      ? unknown
      : P[K] extends string
        ? ValueAt<T, P[K]>
        : unknown
    : P[K] extends readonly unknown[]
      ? P[K]
      : P[K] extends object
        ? ResolveTemplate<T, P[K]>
        : P[K];
}>;
