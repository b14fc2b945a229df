/**
 * A state's options checked against the data each of them applies to. Right options come back as
 * written; a wrong path comes back as the reason it is wrong, so the error lands on that entry alone.
 */
import type { AllKeys, CheckPath, CheckResultPath } from './check-path';
import type { AfterInputPath, AfterResultPath } from './step-options';
import type { CheckTemplate } from './template';

/**
 * Each option of `O`: an option `Shape` lacks becomes the reason, and each path option is checked
 * where ASL applies it (see CheckedField).
 */
type CheckedFields<T, O, Shape, Raw, R> = {
  [K in keyof O]: K extends AllKeys<Shape> ? CheckedField<T, O, K, Raw, R> : UnknownOption<K, Shape>;
};

/**
 * InputPath and ResultPath apply to the state's input `T`; Parameters, ItemsPath, ItemSelector, a
 * Wait's SecondsPath and TimestampPath and an approval's context to the input after InputPath;
 * ResultSelector to the raw result `Raw`; OutputPath to the data after ResultPath placed the result `R`.
 */
type CheckedField<T, O, K extends keyof O, Raw, R> = K extends 'inputPath'
  ? CheckPath<T, O[K]>
  : K extends 'parameters' | 'itemSelector'
    ? CheckTemplate<AfterInputPath<T, O>, O[K]>
    : K extends 'itemsPath' | 'context' | 'secondsPath' | 'timestampPath'
      ? CheckPath<AfterInputPath<T, O>, O[K]>
      : K extends 'resultSelector'
        ? CheckTemplate<Raw, O[K]>
        : K extends 'resultPath'
          ? CheckResultPath<T, O[K]>
          : K extends 'outputPath'
            ? CheckPath<AfterResultPath<T, O, R>, O[K]>
            : O[K];

/** The message for an option the state does not have, naming the one it differs from only in case. */
type UnknownOption<K, Shape> = K extends string
  ? [SameButCase<K, AllKeys<Shape>>] extends [never]
    ? `'${K}' is not an option of this state`
    : `'${K}' is not an option of this state; did you mean '${SameButCase<K, AllKeys<Shape>>}'?`
  : never;
type SameButCase<K extends string, Known> = Known extends string ? (Lowercase<Known> extends Lowercase<K> ? Known : never) : never;

/**
 * The constraint of a state builder's options `O`, which refers to `O` itself: the declared
 * options `Shape`, with each path option of `O` as written when it is right and as the reason
 * it is wrong otherwise. When `O` breaks it, tsc checks the options against it, so the error lands
 * on the wrong entry alone. (A constraint, unlike a conditional parameter type, keeps the
 * contextual type cheap: tsc never explores the reasons while it types the call.)
 */
export type CheckedOptions<T, O, Shape, Raw = unknown, R = unknown> = Shape & CheckedFields<T, O, Shape, Raw, R>;
