import fc from 'fast-check';
import { compile, fn, workflow, type Ended, type Steps } from '../../../workflows/dsl';
import type { StateMachineBranch } from '../../../workflows/asl';

/** A random program: a list of steps, some with nested programs (branches, processors, catch arms). */
type Step =
  | { kind: 'pass' | 'wait' | 'task' }
  | { kind: 'retry-task'; attempts: number }
  | { kind: 'catch-task'; handler: Program }
  | { kind: 'choice'; branches: Program[]; fallback: boolean }
  | { kind: 'parallel'; branches: Program[] }
  | { kind: 'map'; processor: Program; maxConcurrency: number };
type Program = { steps: Step[]; end: 'open' | 'succeed' | 'fail' };

const { program } = fc.letrec<{ program: Program; step: Step }>((tie) => ({
  program: fc.record({ steps: fc.array(tie('step'), { minLength: 1, maxLength: 4 }), end: fc.constantFrom('open', 'succeed', 'fail') }),
  step: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constantFrom('pass', 'wait', 'task') }),
    fc.record({ kind: fc.constant('retry-task'), attempts: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('catch-task'), handler: tie('program') }),
    fc.record({ kind: fc.constant('choice'), branches: fc.array(tie('program'), { minLength: 1, maxLength: 3 }), fallback: fc.boolean() }),
    fc.record({ kind: fc.constant('parallel'), branches: fc.array(tie('program'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('map'), processor: tie('program'), maxConcurrency: fc.integer({ min: 0, max: 10 }) }),
  ),
}));

const work = fn('property-work', (input: unknown) => input);

/** Builds the program with fresh state names; every open end is closed by the scope. */
function build(steps: Steps<unknown>, prog: Program, names: () => string): Steps<unknown, unknown> | Ended {
  let chain = steps;
  for (const step of prog.steps) {
    switch (step.kind) {
      case 'pass':
        chain = chain.pass(names());
        break;
      case 'wait':
        chain = chain.wait(names(), { seconds: 1 });
        break;
      case 'task':
        chain = chain.task(names(), work);
        break;
      case 'retry-task':
        chain = chain.task(names(), work).retry({ errors: ['States.TaskFailed'], maxAttempts: step.attempts, interval: '1s' });
        break;
      case 'catch-task':
        chain = chain
          .task(names(), work)
          .catch(['States.ALL'], (b) => build(b as Steps<unknown>, step.handler, names) as Steps<unknown>, { resultPath: '$.error' });
        break;
      case 'choice':
        chain = chain.choice(names(), (c) => {
          step.branches.forEach((branch, index) => c.when(c.number('$.n').equals(index), (b) => build(b, branch, names) as Steps<unknown>));
          // The fallback stays open so the states after the Choice are reachable.
          return step.fallback ? c.otherwise((b) => b) : c.otherwise((b) => b.pass(names()));
        });
        break;
      case 'parallel':
        chain = chain.parallel(
          names(),
          step.branches.map((branch) => (b: Steps<unknown>) => build(b, branch, names)),
        );
        break;
      case 'map':
        chain = chain.map(names(), { maxConcurrency: step.maxConcurrency }, (item) => build(item, step.processor, names));
        break;
    }
  }
  // A Choice rule or a Catch cannot End by itself: an open path there needs a state after it.
  const lastKind = prog.steps[prog.steps.length - 1].kind;
  if (prog.end === 'open' && (lastKind === 'choice' || lastKind === 'catch-task')) chain = chain.pass(names());
  if (prog.end === 'succeed') return chain.succeed(names());
  if (prog.end === 'fail') return chain.fail(names(), { error: 'Failed' });
  return chain;
}

/** Every state name in a definition, nested scopes included. */
function stateNames(branch: StateMachineBranch): string[] {
  return Object.entries(branch.States).flatMap(([name, state]) => {
    if (state.Type === 'Parallel') return [name, ...state.Branches.flatMap(stateNames)];
    if (state.Type === 'Map' && state.ItemProcessor) return [name, ...stateNames(state.ItemProcessor)];
    return [name];
  });
}

describe('compile (property)', () => {
  it('compiles random programs to valid ASL with unique state names', () => {
    fc.assert(
      fc.property(program, (prog) => {
        let counter = 0;
        const names = () => `S${++counter}`;

        const result = compile(
          workflow('random-flow', { description: 'Random.', example: { n: 0 } }, (start) => build(start as Steps<unknown>, prog, names)),
        );

        const all = stateNames(result.definition);
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(counter);
        expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
