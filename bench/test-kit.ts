/**
 * The test kit's speed: deploy-service run through its production approval (with the canary's
 * 10-minute bake and every task) by testWorkflow, in virtual time. The first run includes compiling
 * the workflow (once per workflow object); the others are what each further test in a file costs.
 * Target: well under 100 ms a run.
 *
 *   npx tsx bench/test-kit.ts [--runs 20]
 */
import { deployService, deployServiceExample } from '../workflows/definitions';
import { testWorkflow } from '../workflows/testing';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;

async function timedRun(): Promise<number> {
  const started = performance.now();
  const run = await testWorkflow(deployService, {
    input: deployServiceExample,
    approvals: { 'Approve production': { approve: true, by: 'rita' } },
  });
  if (run.status !== 'SUCCEEDED') throw new Error(run.explain());
  return performance.now() - started;
}

async function main(): Promise<void> {
  const first = await timedRun();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) times.push(await timedRun());
  times.sort((a, b) => a - b);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(fraction * times.length))];
  console.log(`deploy-service through its approval, testWorkflow(), ${runs} runs after the first (Node ${process.version}):`);
  console.log(`  first run (compiles the workflow)  ${first.toFixed(1)} ms`);
  console.log(
    `  each further run                   median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, worst ${times[times.length - 1].toFixed(1)} ms (target well under 100 ms: ${at(0.9) < 100 ? 'met' : 'MISSED'})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
