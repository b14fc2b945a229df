/**
 * Compile-time explanations of wrong JSONPaths. A checked path is either accepted as written or
 * replaced by a sentence saying what is wrong, so tsc reports, on the wrong path alone,
 * `Type '"$.totl"' is not assignable to type '"'$.totl' is not a field of the data here (orderId, total)"'`.
 */
import type { Leaf, MaxDepth, PathOf, Prev } from './type-paths';

/** Fields listed in a message, at most; tsc cuts types in messages at 160 characters. */
type MaxListedFields = 8;

/** Every key of every member of a union (`keyof` of a union keeps only the shared keys). */
export type AllKeys<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type LastOf<U> = UnionToIntersection<U extends unknown ? () => U : never> extends () => infer L ? L : never;
type UnionToTuple<U, Acc extends unknown[] = []> = [U] extends [never] ? Acc : UnionToTuple<Exclude<U, LastOf<U>>, [LastOf<U>, ...Acc]>;

type JoinNames<Names extends unknown[], Acc extends string = '', Count extends unknown[] = []> = Names extends [
  infer Name extends string,
  ...infer Rest,
]
  ? Count['length'] extends MaxListedFields
    ? `${Acc}, …`
    : JoinNames<Rest, Acc extends '' ? Name : `${Acc}, ${Name}`, [...Count, Name]>
  : Acc;

/** Alphabetical, ignoring case first: a union's own order depends on which literal tsc met first. */
type CharOrder = ' -0123456789_aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';
type Before<A extends string, B extends string> = A extends `${infer A0}${infer ARest}`
  ? B extends `${infer B0}${infer BRest}`
    ? A0 extends B0
      ? Before<ARest, BRest>
      : CharOrder extends `${string}${A0}${string}${B0}${string}`
        ? true
        : false
    : false
  : true;
type Insert<Name extends string, Sorted extends string[]> = Sorted extends [infer First extends string, ...infer Rest extends string[]]
  ? Before<Name, First> extends true
    ? [Name, ...Sorted]
    : [First, ...Insert<Name, Rest>]
  : [Name];
type Sort<Names extends unknown[], Sorted extends string[] = []> = Names extends [infer First extends string, ...infer Rest]
  ? Sort<Rest, Insert<First, Sorted>>
  : Sorted;

/** The field names of `T`, sorted and comma-separated: `orderId, total`. */
export type FieldList<T> = [Extract<AllKeys<T>, string>] extends [never]
  ? 'no fields'
  : JoinNames<Sort<UnionToTuple<Extract<AllKeys<T>, string>>>>;

type Kind<V> = V extends string
  ? 'a string'
  : V extends number | bigint
    ? 'a number'
    : V extends boolean
      ? 'a boolean'
      : V extends null | undefined
        ? 'null'
        : V extends readonly unknown[]
          ? 'an array'
          : 'an object';
type KindOrder = ['a string', 'a number', 'a boolean', 'an object', 'an array', 'null'];
type JoinKinds<K, Order extends string[] = KindOrder, Acc extends string = ''> = Order extends [
  infer First extends string,
  ...infer Rest extends string[],
]
  ? JoinKinds<K, Rest, First extends K ? (Acc extends '' ? First : `${Acc} or ${First}`) : Acc>
  : Acc;

/** What a value of type `V` is, in words: `a number`, `a string or null`. */
export type KindOf<V> = unknown extends V ? 'of unknown type' : [V] extends [never] ? 'of type never' : JoinKinds<Kind<V>>;

type NotAField<P extends string, Why extends string> = `'${P}' is not a field of the data here (${Why})`;
type Unfollowable<P extends string> = `'${P}' is not a path the DSL can check: use '.field' and '[0]' steps`;

/** Splits `a.b[0]` into the first key and the rest: `['a', '.b[0]']`. */
type FirstKey<S extends string> = S extends `${infer K}[${infer Rest}`
  ? K extends `${infer K2}.${infer Rest2}`
    ? [K2, `.${Rest2}[${Rest}`]
    : [K, `[${Rest}`]
  : S extends `${infer K}.${infer Rest}`
    ? [K, `.${Rest}`]
    : [S, ''];

/** Follows `R` through `T` to the first step that does not exist, and says why. */
type Explain<P extends string, T, R extends string, At extends string, D extends number> = unknown extends T
  ? Unfollowable<P>
  : [T] extends [never]
    ? NotAField<P, `no data reaches '${At}'`>
    : [D] extends [never]
      ? `'${P}' goes deeper than the DSL checks paths`
      : R extends `[${infer I}]${infer Rest}`
        ? [T] extends [readonly unknown[]]
          ? I extends `${number}`
            ? ExplainNext<P, T extends readonly (infer E)[] ? E : never, Rest, `${At}[${I}]`, Prev[D]>
            : Unfollowable<P>
          : NotAField<P, `'${At}' is ${KindOf<T>}, not an array`>
        : R extends `.${infer Segments}`
          ? FirstKey<Segments> extends [infer K extends string, infer Rest extends string]
            ? K extends ''
              ? Unfollowable<P>
              : [T] extends [Leaf]
                ? NotAField<P, `'${At}' is ${KindOf<T>}`>
                : [T] extends [readonly unknown[]]
                  ? NotAField<P, `'${At}' is an array: pick an item first, as in '${At}[0].${K}'`>
                  : K extends AllKeys<T>
                    ? ExplainNext<P, FieldOf<T, K>, Rest, `${At}.${K}`, Prev[D]>
                    : NotAField<P, At extends '$' ? FieldList<T> : `'${At}' has ${FieldList<T>}`>
            : Unfollowable<P>
          : Unfollowable<P>;
type ExplainNext<P extends string, T, R extends string, At extends string, D extends number> = unknown extends T
  ? R extends ''
    ? Unfollowable<P>
    : NotAField<P, `'${At}' is of unknown type`>
  : Explain<P, NonNullable<T>, R, At, D>;

/** Why `P` selects nothing in `T`, as a sentence. */
export type PathProblem<T, P extends string> = [P] extends [`$${infer R}`]
  ? unknown extends T
    ? Unfollowable<P>
    : Explain<P, NonNullable<T>, R, '$', MaxDepth>
  : `'${P}' is not a path: paths start with '$'`;

/**
 * Why `P` selects nothing in `T`; for an empty or non-literal path, every path of `T` (which is
 * what the editor then offers to complete).
 */
export type PathMessage<T, P extends string> = [P] extends [''] ? PathOf<T> : string extends P ? PathOf<T> : PathProblem<T, P>;

/**
 * `P` when it is a path that selects a value of `T`; otherwise the reason it does not. Non-strings
 * and wide strings pass: a wide `P` is an option's declared type, which tsc instantiates while
 * typing the call, and exploring the reasons for every path it allows would be costly.
 */
export type CheckPath<T, P> = string extends P ? P : [P] extends [string] ? ([P] extends [PathOf<T>] ? P : PathMessage<T, P>) : P;

type ResultPathProblem<P extends string, T, R extends string, At extends string> =
  FirstKey<R> extends [infer K extends string, infer Rest extends string]
    ? Rest extends `.${infer Next}`
      ? K extends AllKeys<T>
        ? FieldOf<T, K> extends infer V
          ? unknown extends V
            ? never
            : [NonNullable<V>] extends [Leaf | readonly unknown[]]
              ? `'${P}' cannot hold the result: '${At}.${K}' is ${KindOf<NonNullable<V>>}`
              : ResultPathProblem<P, NonNullable<V>, Next, `${At}.${K}`>
          : never
        : never
      : never
    : never;

/** `P` when a ResultPath can write there (every step on the way is an object or absent); otherwise why not. */
export type CheckResultPath<T, P> = string extends P
  ? P
  : P extends `$.${infer R}`
    ? unknown extends T
      ? P
      : [T] extends [never]
        ? P
        : [T] extends [Leaf]
          ? `'${P}' cannot hold the result: the data here is ${KindOf<T>}`
          : [ResultPathProblem<P, T, R, '$'>] extends [never]
            ? P
            : ResultPathProblem<P, T, R, '$'>
    : P extends string
      ? P extends '$'
        ? P
        : `'${P}' cannot hold the result: a ResultPath is '$', '$.field' or null`
      : P;
