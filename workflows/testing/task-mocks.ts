/**
 * What a test says a Task answers instead of running it: a result (or a function of the state's
 * input), an error, a delay before either (virtual time: it trips TimeoutSeconds as a slow service
 * would), or a sequence, one entry per attempt (fail twice, then succeed: to exercise Retry).
 */
import { toSeconds, type Duration, type TaskFunction } from '../dsl';

/** One answer: a result or an error, optionally after a delay. */
export type MockAnswer<Out> =
  | { result: Out | ((input: unknown) => Out | Promise<Out>); delay?: Duration }
  | { error: string; cause?: string; delay?: Duration }
  /** Only a delay: answers null after it (to trip a timeout or heartbeat). */
  | { delay: Duration };

/**
 * What a mocked Task answers: one answer for every attempt, or one per attempt (the last repeats).
 * A sequence counts every call of the state in the run: retries, loops and Map iterations alike.
 */
export type TaskMock<Out = unknown> = MockAnswer<Out> | { sequence: readonly MockAnswer<Out>[] };

/** A mock tied to a `fn`, so its result is checked against the handler's output type. */
export type FunctionMock = { readonly kind: 'function-mock'; readonly fn: TaskFunction<never, unknown>; readonly mock: TaskMock };

/** Mocks `fn` with answers of its own output type (a compile error otherwise). */
export function mockFn<In, Out>(fn: TaskFunction<In, Out>, mock: TaskMock<Out>): FunctionMock {
  return { kind: 'function-mock', fn: fn, mock: mock };
}

/** Whether `value` was made by mockFn. */
export function isFunctionMock(value: unknown): value is FunctionMock {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'function-mock';
}

/** The answer for attempt `attempt` (1-based). */
export function answerFor(mock: TaskMock, attempt: number): MockAnswer<unknown> {
  if (!('sequence' in mock)) return mock;
  if (mock.sequence.length === 0) throw new Error('a mock sequence needs at least one answer');
  return mock.sequence[Math.min(attempt, mock.sequence.length) - 1];
}

/** The answer's delay in milliseconds (0 without one); a malformed duration is a clear error. */
export function delayMs(answer: MockAnswer<unknown>, where: string): number {
  if (answer.delay === undefined) return 0;
  const seconds = toSeconds(answer.delay);
  if (typeof seconds !== 'number') throw new Error(`mock of ${where}: ${seconds.error}`);
  return seconds * 1000;
}

/** The error a mocked failure throws: its `name` is what Step Functions reports as the state's Error. */
export class MockedTaskError extends Error {
  constructor(name: string, cause: string | undefined) {
    super(cause ?? '');
    this.name = name;
    // Lambda reports the stack as the error's trace: the kit's own frames would only be noise there.
    this.stack = `${name}: ${cause ?? ''}`;
  }
}

/** Settles the answer: its result (computed from `input` when a function), or throws its error. */
export async function settleAnswer(answer: MockAnswer<unknown>, input: unknown): Promise<unknown> {
  if ('error' in answer && typeof answer.error === 'string') throw new MockedTaskError(answer.error, (answer as { cause?: string }).cause);
  if (!('result' in answer)) return null;
  const { result } = answer as { result: unknown };
  return typeof result === 'function' ? (result as (input: unknown) => unknown)(input) : result;
}
