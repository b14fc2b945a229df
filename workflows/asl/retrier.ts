/** Retry and Catch fields of Task, Parallel and Map states (https://states-language.net/spec.html#errors). */
import type { JsonValue } from './json';

export type JitterStrategy = 'FULL' | 'NONE';

/** One element of a state's `Retry` array. */
export type Retrier = {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: JitterStrategy;
  Comment?: string;
};

/** One element of a state's `Catch` array. */
export type Catcher = {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: Record<string, JsonValue>;
  Comment?: string;
};
