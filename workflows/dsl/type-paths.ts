/**
 * Type-level JSONPath: the paths a data type has, the type found at a path, and the type after
 * a ResultPath writes into it. These make a misspelled field a compile error.
 */

/** Values a path cannot go into. */
export type Leaf = string | number | boolean | null | undefined | bigint | symbol;
/** Depth budget: decrements per segment so recursive types stay cheap. */
export type Prev = [never, 0, 1, 2, 3, 4, 5, 6, 7];
export type MaxDepth = 6;

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

/** The items of the arrays in `T`; nothing for the rest, so a wrong path selects `never` (see ValueAt). */
type ItemOf<T> = unknown extends T ? unknown : T extends readonly (infer E)[] ? E : never;

type Walk<T, R extends string> = R extends ''
  ? T
  : R extends `[${number}]${infer Rest}`
    ? Walk<ItemOf<T>, Rest>
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
      : never;

/**
 * The type selected by a JSONPath on `T`: `unknown` inside data of unknown type or for a wide
 * `string`, `never` for a path that selects nothing. `never` keeps a wrong path from failing the
 * rest of the call too (a handler's input, say), so tsc reports the path itself.
 */
export type ValueAt<T, P extends string> = P extends '$' ? T : P extends `$${infer R}` ? Walk<T, R> : string extends P ? unknown : never;

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

type Letter =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | '_';

/** A workflow variable reference (`$orderTotal`, `$config.region`). */
export type VariableRef = `$${Letter | Uppercase<Letter>}${string}`;
