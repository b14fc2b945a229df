/**
 * Compile benchmark: a generated 1,000-state workflow (Pass, Task, Wait, Choice, nested Parallel
 * and Map) compiled by Statecraft, and the same graph built with aws-cdk-lib's aws-stepfunctions
 * and rendered to JSON, in the same run. Prints medians and the ratio.
 *
 *   npx tsx bench/compile.ts [--runs 15]
 */
import { performance } from 'node:perf_hooks';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { BuildContext } from '../workflows/dsl/build/build-context';
import { Scope } from '../workflows/dsl/build/scope';
import { toGraph } from '../workflows/dsl/graph';
import { compile, fn, Steps, workflow } from '../workflows/dsl';
import { DEFINITION_CHECKS } from '../workflows/dsl/checks/check-definition';
import { runAslValidator } from '../workflows/dsl/checks/run-asl-validator';
import { walkStates } from '../workflows/dsl/checks/walk-states';

const TARGET_STATES = 1000;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;

/** The shape both builders render: blocks of plain states and nested scopes. */
type Block = { kind: 'pass' | 'task' | 'wait' | 'choice' } | { kind: 'parallel'; branches: Block[][] } | { kind: 'map'; body: Block[] };

/** A deterministic mix: every 10th block nests a Parallel (3 branches) or a Map, each with its own mix. */
function generate(count: { n: number }, depth: number, length: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < length && count.n < TARGET_STATES; i++) {
    const pick = (count.n * 7 + i) % 10;
    if (depth < 2 && pick === 9) {
      count.n += 1;
      blocks.push(
        i % 2 === 0
          ? { kind: 'parallel', branches: [0, 1, 2].map(() => generate(count, depth + 1, 6)) }
          : { kind: 'map', body: generate(count, depth + 1, 8) },
      );
    } else {
      const kind = (['pass', 'task', 'wait', 'choice'] as const)[pick % 4];
      count.n += kind === 'choice' ? 2 : 1; // a Choice brings its own Pass branch
      blocks.push({ kind });
    }
  }
  return blocks;
}

const work = fn('bench-work', (input: unknown) => input);

function buildStatecraft(chain: Steps<unknown>, blocks: Block[], next: () => string): Steps<unknown, unknown> {
  let steps = chain;
  for (const block of blocks) {
    if (block.kind === 'pass') steps = steps.pass(next());
    else if (block.kind === 'task')
      steps = steps.task(next(), work, { timeout: '1m' }).retry({ errors: ['States.TaskFailed'], maxAttempts: 2 });
    else if (block.kind === 'wait') steps = steps.wait(next(), { seconds: 1 });
    else if (block.kind === 'choice')
      steps = steps.choice(next(), (c) => c.when(c.number('$.n').greaterThan(1), (b) => b.pass(next())).otherwise((b) => b));
    else if (block.kind === 'parallel')
      steps = steps.parallel(
        next(),
        block.branches.map((branch) => (b: Steps<unknown>) => buildStatecraft(b, branch, next)),
      );
    else if (block.kind === 'map') {
      const body = block.body;
      steps = steps.map(next(), { itemsPath: '$.items', maxConcurrency: 4 }, (item) => buildStatecraft(item, body, next));
    }
  }
  return steps;
}

function buildCdk(scope: Stack, blocks: Block[], next: () => string): sfn.IChainable & sfn.INextable {
  let chain: sfn.Chain | undefined;
  const append = (state: sfn.IChainable & sfn.INextable) => {
    chain = chain ? chain.next(state) : sfn.Chain.start(state);
  };
  for (const block of blocks) {
    if (block.kind === 'pass') append(new sfn.Pass(scope, next()));
    else if (block.kind === 'task') {
      const task = new sfn.CustomState(scope, next(), {
        stateJson: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: '${BenchWorkFunctionArn}', 'Payload.$': '$' },
          TimeoutSeconds: 60,
          Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }],
        },
      });
      append(task);
    } else if (block.kind === 'wait') append(new sfn.Wait(scope, next(), { time: sfn.WaitTime.duration(Duration.seconds(1)) }));
    else if (block.kind === 'choice') {
      // Same shape as ours: one rule through a Pass, the default straight on, both rejoining.
      const choice = new sfn.Choice(scope, next());
      const rule = new sfn.Pass(scope, next());
      choice.when(sfn.Condition.numberGreaterThan('$.n', 1), rule).otherwise(new sfn.Pass(scope, `${choice.id} join`));
      append(sfn.Chain.custom(choice, choice.afterwards({ includeOtherwise: true }).endStates, choice));
    } else if (block.kind === 'parallel') {
      const parallel = new sfn.Parallel(scope, next());
      for (const branch of block.branches) parallel.branch(buildCdk(scope, branch, next));
      append(parallel);
    } else if (block.kind === 'map') {
      const map = new sfn.Map(scope, next(), { itemsPath: '$.items', maxConcurrency: 4 });
      map.itemProcessor(buildCdk(scope, block.body, next));
      append(map);
    }
  }
  return chain as sfn.Chain;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(label: string, run: () => number): { label: string; median: number; states: number } {
  let states = 0;
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    states = run();
    if (i >= 2) samples.push(performance.now() - start); // two warm-up runs
  }
  return { label, median: median(samples), states };
}

const blocks = generate({ n: 0 }, 0, 10_000);
const countStates = (json: {
  States: Record<string, { Branches?: { States: object }[]; ItemProcessor?: { States: object }; Iterator?: { States: object } }>;
}): number =>
  Object.values(json.States).reduce(
    (sum, state) =>
      sum +
      1 +
      (state.Branches ?? []).reduce((s, b) => s + countStates(b as never), 0) +
      ((state.ItemProcessor ?? state.Iterator) ? countStates((state.ItemProcessor ?? state.Iterator) as never) : 0),
    0,
  );

const ours = time('statecraft compile (build + checks + asl-validator + graph)', () => {
  let n = 0;
  const result = compile(
    workflow('bench-flow', { description: 'Benchmark.', example: {} }, (start) =>
      buildStatecraft(start as Steps<unknown>, blocks, () => `S${++n}`),
    ),
  );
  return countStates(result.definition as never);
});
let definitionForChecks: unknown;
{
  let n = 0;
  definitionForChecks = compile(
    workflow('bench-flow', { description: 'Benchmark.', example: {} }, (start) =>
      buildStatecraft(start as Steps<unknown>, blocks, () => `S${++n}`),
    ),
  ).definition;
}
const buildOnly = time('  of which: DSL build + emit + graph (no checks)', () => {
  let n = 0;
  const context = new BuildContext('bench-flow', false);
  const top = new Scope(context, [], 'bench', 'JSONPath');
  const end = buildStatecraft(new Steps<unknown>(top, [{ kind: 'start', scope: top.start }]), blocks, () => `S${++n}`);
  top.close(end.ends);
  toGraph({ StartAt: top.start.startAt ?? '', States: top.emit().States });
  return n;
});
const ownChecks = time('  of which: our own checks', () => {
  const walked = walkStates(definitionForChecks);
  DEFINITION_CHECKS.forEach((check) => check(walked));
  return 0;
});
const aslValidator = time('  of which: asl-validator', () => {
  runAslValidator(definitionForChecks as Parameters<typeof runAslValidator>[0]);
  return 0;
});
const cdk = time('aws-cdk-lib aws-stepfunctions (build + toGraphJson)', () => {
  let n = 0;
  const stack = new Stack(new App(), 'Bench');
  const graph = new sfn.StateGraph(buildCdk(stack, blocks, () => `S${++n}`).startState, 'bench');
  return countStates(graph.toGraphJson() as never);
});

console.log(
  `compile benchmark: ${ours.states} states (target ${TARGET_STATES}), median of ${runs} runs after 2 warm-ups, Node ${process.version}`,
);
for (const row of [ours, buildOnly, ownChecks, aslValidator, cdk])
  console.log(`  ${row.label.padEnd(62)} ${row.median.toFixed(1).padStart(8)} ms`);
console.log(
  `  ratio cdk / statecraft compile: ${(cdk.median / ours.median).toFixed(2)}x; cdk / statecraft build+emit+graph: ${(cdk.median / buildOnly.median).toFixed(2)}x (>1 means Statecraft is faster)`,
);
console.log('  targets: compile <= 100 ms and faster than CDK');
