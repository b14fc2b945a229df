/**
 * Jest matchers for test runs whose failure messages explain the run: the path it took and the
 * failing state's error. Register them once: `expect.extend(workflowMatchers)`.
 */
import type { WorkflowRun } from './workflow-run';

type MatcherResult = { pass: boolean; message: () => string };

function isRun(value: unknown): value is WorkflowRun {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as WorkflowRun).path) &&
    typeof (value as WorkflowRun).explain === 'function'
  );
}

function notARun(name: string): MatcherResult {
  return { pass: false, message: () => `${name} expects the result of testWorkflow()` };
}

export const workflowMatchers = {
  /** The run SUCCEEDED. */
  toSucceed(received: unknown): MatcherResult {
    if (!isRun(received)) return notARun('toSucceed');
    return {
      pass: received.status === 'SUCCEEDED',
      message: () => `expected the run ${this_not(received.status === 'SUCCEEDED')}to succeed\n${received.explain()}`,
    };
  },
  /** The run FAILED with `error` (and, when given, a cause containing `cause`). */
  toFailWith(received: unknown, error: string, cause?: string): MatcherResult {
    if (!isRun(received)) return notARun('toFailWith');
    const pass =
      received.status === 'FAILED' && received.error === error && (cause === undefined || (received.cause ?? '').includes(cause));
    return {
      pass,
      message: () =>
        `expected the run ${this_not(pass)}to fail with ${error}${cause ? ` (cause containing '${cause}')` : ''}\n${received.explain()}`,
    };
  },
  /** The run entered each of `states` (in this order, others may come between). */
  toHavePassedThrough(received: unknown, ...states: string[]): MatcherResult {
    if (!isRun(received)) return notARun('toHavePassedThrough');
    let from = 0;
    const pass = states.every((state) => {
      const at = received.path.indexOf(state, from);
      if (at < 0) return false;
      from = at + 1;
      return true;
    });
    return {
      pass,
      message: () =>
        `expected the run ${this_not(pass)}to pass through ${states.map((state) => `'${state}'`).join(' then ')}\n${received.explain()}`,
    };
  },
};

function this_not(pass: boolean): string {
  return pass ? 'not ' : '';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's matcher types are declared in its namespace
  namespace jest {
    interface Matchers<R> {
      toSucceed(): R;
      toFailWith(error: string, cause?: string): R;
      toHavePassedThrough(...states: string[]): R;
    }
  }
}
