/** Options shared by the state builders, and the output types they produce. */
import type { QueryLanguage } from '../asl';
import type { PathOf, SetAt, ValueAt } from './type-paths';

/** Where a state writes its result: `'$'` (replace), `'$.field'` (merge) or `null` (discard). */
export type ResultPath = '$' | `$.${string}` | null;
/** The `resultPath` option: any string is accepted here so that `CheckedOptions` can say what is wrong with it. */
export type ResultPathOption = ResultPath | (string & {});

/** Fields every state builder accepts. */
export type CommonOptions = {
  comment?: string;
  /** Overrides the workflow's query language for this state. */
  queryLanguage?: QueryLanguage;
};

/**
 * JSONPath-mode input and output filtering. Any string is accepted here so that `CheckedOptions`
 * can say what is wrong with a path; the listed paths of `T` are there for editor completion.
 */
export type InputOutputOptions<T> = {
  inputPath?: PathOf<T> | (string & {}) | null;
  outputPath?: string | null;
};

/** JSONata-mode output and variables (Assign also works in JSONPath mode). */
export type JsonataOptions = {
  /** JSONata `Output`: a `{% expression %}` or a JSON template of them. */
  output?: unknown;
  /** Workflow variables to set from this state (`Assign`). */
  assign?: Record<string, unknown>;
};

/** The data a state works on after InputPath. */
export type AfterInputPath<T, O> = O extends { inputPath: null } ? {} : O extends { inputPath: infer P extends string } ? ValueAt<T, P> : T;

/** The data after ResultPath has placed the result `R` into the input `T`. */
export type AfterResultPath<T, O, R> = O extends { resultPath: infer P extends string | null } ? SetAt<T, P, R> : R;

type AfterOutputPath<X, O> = O extends { outputPath: null } ? {} : O extends { outputPath: infer P extends string } ? ValueAt<X, P> : X;

/** A state's output: its result placed by ResultPath into the input, then OutputPath (or JSONata Output). */
export type StateOutput<T, O, R> = O extends { output: unknown } ? unknown : AfterOutputPath<AfterResultPath<T, O, R>, O>;

/** The error output a Catch passes on (`$.Error`, `$.Cause`). */
export type ErrorOutput = { Error: string; Cause: string };
