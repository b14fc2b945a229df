/** Builds a Parallel state's branches, each its own scope started from the Parallel's input. */
import type { QueryLanguage } from '../../asl';
import type { Ended, Steps } from '../steps';
import { Scope } from './scope';
import type { StateDraft } from './state-draft';

/** One branch: built from a chain that starts with the Parallel's input. */
export type Branch<T> = (steps: Steps<T>) => Steps<unknown, unknown> | Ended;

/** The Parallel's result: one output per branch, in order. */
export type BranchOutputs<B extends readonly unknown[]> = {
  -readonly [K in keyof B]: B[K] extends (steps: never) => infer R ? (R extends Steps<infer O, infer _> ? O : never) : never;
};

/** A chain at the start of a new scope. */
export type StartChain = (scope: Scope) => Steps<never>;

/** Builds every branch and sets `Branches` to emit them. */
export function buildParallel(
  owner: Scope,
  draft: StateDraft,
  branches: readonly Branch<never>[],
  language: QueryLanguage,
  start: StartChain,
): void {
  if (branches.length === 0) owner.context.report(draft, 'empty-parallel', 'a Parallel needs at least one branch');
  const scopes = branches.map((branch, index) => {
    const scope = new Scope(owner.context, draft.statePath, `branch ${index + 1} of '${draft.name}'`, language);
    const result = branch(start(scope)) as Steps<unknown>;
    scope.close(result.ends);
    return scope;
  });
  draft.fields.Branches = () => scopes.map((scope) => scope.emit());
}
