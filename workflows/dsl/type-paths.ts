/**
 * Type-level JSONPath: the paths a data type has, the type found at a path, and the type after
 * a ResultPath writes into it. These make a misspelled field a compile error.
 */

type Leaf = string | number | boolean | null | undefined | bigint | symbol;
/** Depth budget: decrements per segment so recursive types stay cheap. */
type Prev = [never, 0, 1, 2, 3, 4, 5, 6, 7];
type MaxDepth = 6;

/** Flattens intersections so editor hovers and error messages show plain objects. */
export type Simplify<T> = T extends Leaf | readonly unknown[] ? T : { [K in keyof T]: T[K] } & {};

type ElementOf<T> = T extends readonly (infer E)[] ? E : unknown;

type SubPaths<T, D extends number> = [D] extends [never]
  ? never
  : unknown extends T
    ? `.${string}` | `[${number}]${string}`
    : T extends Leaf
      ? never
      : T extends readonly unknown[]
        ? `[${number}]` | `[${number}]${SubPaths<NonNullable<ElementOf<T>>, Prev[D]>}`
        : {
            [K in keyof T & string]: `.${K}` | `.${K}${SubPaths<NonNullable<T[K]>, Prev[D]>}`;
          }[keyof T & string];

/** Every JSONPath that selects one value of `T`: `'$'`, `'$.order.id'`, `'$.items[0].sku'`. */
export type PathOf<T> = '$' | `$${unknown extends T ? `.${string}` | `[${number}]${string}` : SubPaths<NonNullable<T>, MaxDepth>}`;

type KeyStep<T, K extends string, Rest extends string> = unknown extends T
  ? unknown
  : K extends keyof NonNullable<T>
    ? Walk<NonNullable<T>[K], Rest>
    : never;

type Walk<T, R extends string> = R extends ''
  ? T
  : R extends `[${number}]${infer Rest}`
    ? Walk<ElementOf<NonNullable<T>>, Rest>
    : R extends `.${infer Seg}`
      ? Seg extends `${infer K}[${infer Rest}`
        ? K extends `${string}.${string}`
          ? Seg extends `${infer K2}.${infer Rest2}`
            ? KeyStep<T, K2, `.${Rest2}`>
            : never
          : KeyStep<T, K, `[${Rest}`>
        : Seg extends `${infer K}.${infer Rest}`
          ? KeyStep<T, K, `.${Rest}`>
          : KeyStep<T, Seg, ''>
      : unknown;

/** The type selected by a JSONPath on `T` (`unknown` for paths the type system cannot follow). */
export type ValueAt<T, P extends string> = P extends '$' ? T : P extends `$${infer R}` ? Walk<T, R> : unknown;

type SetKeys<T, R extends string, V> = R extends `.${infer K}.${infer Rest}`
  ? Simplify<Omit<T, K> & { [P in K]: SetKeys<K extends keyof T ? NonNullable<T[K]> : {}, `.${Rest}`, V> }>
  : R extends `.${infer K}`
    ? Simplify<Omit<T, K> & { [P in K]: V }>
    : V;

/** The data after a ResultPath: `null` keeps the input, `'$'` replaces it, `'$.a.b'` writes into it. */
export type SetAt<T, P extends string | null | undefined, V> = P extends null
  ? T
  : P extends undefined | '$'
    ? V
    : P extends `$${infer R}`
      ? SetKeys<T, R, V>
      : unknown;

/** The paths of `T` whose value is assignable to `V` (for typed Choice conditions). */
export type PathOfType<T, V> = {
  [P in PathOf<T>]: [NonNullable<ValueAt<T, P>>] extends [never] ? never : NonNullable<ValueAt<T, P>> extends V ? P : never;
}[PathOf<T>];

type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z' | '_';

/** A workflow variable reference (`$orderTotal`, `$config.region`). */
export type VariableRef = `$${Letter | Uppercase<Letter>}${string}`;
