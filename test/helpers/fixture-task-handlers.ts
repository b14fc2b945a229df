/**
 * Builds the task handlers named by a fixture's `handlers` field (test/fixtures/asl/**): a small
 * closed vocabulary of Lambda stand-ins, with a record of calls and of the task tokens they saw.
 *
 * - `"echo"`: returns its input.
 * - `{ "returns": <json> }`: returns that value.
 * - `{ "throws": { "name", "message" } }`: always throws an Error with that name and message.
 * - `{ "throws": {...}, "times": n }`: throws on the first n calls, then returns its input.
 * - `{ "throws": {...}, "untilFixed": true }`: throws until `fix()` is called (before a redrive), then returns its input.
 */
import type { TaskHandler, TaskHandlerContext } from '../../workflows/engine';

/** What a fixture thrown error looks like. */
export type FixtureError = { name: string; message: string };

/** One handler in the vocabulary. */
export type FixtureHandlerSpec = 'echo' | { returns: unknown } | { throws: FixtureError; times?: number; untilFixed?: boolean };

/** The handlers plus what the test driver observes and controls. */
export type FixtureTaskHandlers = {
  handlers: Record<string, TaskHandler>;
  /** Calls per handler name. */
  calls: Record<string, number>;
  /** Task tokens handed to handlers (`.waitForTaskToken` tasks), oldest first. */
  tokens: string[];
  /** "Deploys the fix": `untilFixed` handlers stop throwing. */
  fix(): void;
};

function thrown({ name, message }: FixtureError): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The handlers for `specs`; the records survive server restarts when the same object is reused. */
export function createFixtureTaskHandlers(specs: Readonly<Record<string, FixtureHandlerSpec>>): FixtureTaskHandlers {
  const calls: Record<string, number> = {};
  const tokens: string[] = [];
  let fixed = false;
  const handlerOf =
    (name: string, spec: FixtureHandlerSpec): TaskHandler =>
    (input: unknown, context: TaskHandlerContext) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (context.taskToken) tokens.push(context.taskToken);
      if (spec === 'echo') return input;
      if ('returns' in spec) return spec.returns;
      if (spec.untilFixed) {
        if (!fixed) throw thrown(spec.throws);
        return input;
      }
      if (spec.times === undefined || calls[name] <= spec.times) throw thrown(spec.throws);
      return input;
    };
  const handlers = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, handlerOf(name, spec)]));
  return {
    handlers,
    calls,
    tokens,
    fix() {
      fixed = true;
    },
  };
}
