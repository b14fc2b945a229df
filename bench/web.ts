/**
 * Console benchmark in real Chromium against the dev stack (web/dist must be built: make web):
 * - navigation to the fully laid-out graph of a generated 300-state workflow (its details are served
 *   to the page by request interception, as the API would; the layout and drawing are the console's),
 *   median of 5; target ≤ 1 s;
 * - the initial JavaScript of the catalogue page, gzipped as served; target ≤ 250 KB, with neither
 *   elkjs nor the graph in it.
 *
 *   npx tsx bench/web.ts [--runs 5]
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { toGraph } from '../workflows/dsl/graph';
import type { StateMachine } from '../workflows/asl';
import { startChatStack } from '../test/helpers/chat-stack';
import { launchBrowser, pageAs } from '../test/helpers/console-browser';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const TARGET_STATES = 300;

/** A chain of Pass, Task, Wait and Choice states with a three-branch Parallel every twentieth state. */
function generatedDefinition(): StateMachine {
  let count = 0;
  const chain = (prefix: string, length: number, parallelEvery: number): { StartAt: string; States: Record<string, unknown> } => {
    const names = Array.from({ length }, (_, index) => `${prefix}${index}`);
    const states: Record<string, unknown> = {};
    names.forEach((name, index) => {
      count += 1;
      const next = index + 1 < names.length ? { Next: names[index + 1] } : { End: true };
      if (parallelEvery > 0 && index % parallelEvery === parallelEvery - 1) {
        states[name] = { Type: 'Parallel', Branches: [0, 1, 2].map((branch) => chain(`${name}-b${branch}-`, 3, 0)), ...next };
      } else if (index % 7 === 3) {
        states[name] = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'work', 'Payload.$': '$' }, ...next };
      } else {
        states[name] = { Type: 'Pass', ...next };
      }
    });
    return { StartAt: names[0], States: states };
  };
  const definition = chain('S', 1, 0);
  // Grow the top chain until the whole machine has TARGET_STATES states (each Parallel adds 9).
  let length = 1;
  while (count < TARGET_STATES) {
    count = 0;
    length += 1;
    Object.assign(definition, chain('S', length, 20));
  }
  return definition as unknown as StateMachine;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeGraph(page: Page, base: string, expectedNodes: number): Promise<number> {
  await page.goto(`${base}/#/`);
  await page.locator('li[data-workflow]').first().waitFor();
  const started = await page.evaluate(() => performance.now());
  // Page-side code as strings: this file is type-checked without the DOM library.
  await page.evaluate("location.hash = '#/workflows/generated-300'");
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length >= ${expectedNodes}`, undefined, { timeout: 30_000 });
  return (await page.evaluate(() => performance.now())) - started;
}

async function main(): Promise<void> {
  const definition = generatedDefinition();
  const graph = toGraph(definition);
  const states = graph.nodes.filter((node) => node.type !== 'Start' && node.type !== 'End').length;
  const chat = await startChatStack();
  const browser = await launchBrowser();
  try {
    const base = chat.stack.apiUrl;
    const person = { user: 'bench', groups: ['viewers'] };
    const page = await pageAs(browser, base, person);
    await page.route('**/api/workflows/generated-300', (route) =>
      route.fulfill({ json: { name: 'generated-300', description: 'Generated', inputExample: {}, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:generated-300', definition, graph, approvalSteps: [], mayStart: false } }),
    );
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await timeGraph(page, base, graph.nodes.length));

    const fresh = await pageAs(browser, base, person);
    const scripts: string[] = [];
    fresh.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    await fresh.goto(`${base}/#/`);
    await fresh.reload();
    await fresh.locator('li[data-workflow]').first().waitFor();
    let gzipped = 0;
    for (const url of new Set(scripts)) gzipped += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    const graphLoaded = [...new Set(scripts)].some((url) => url.includes('workflow-graph-view'));

    process.stdout.write(
      [
        `Console in Chromium (dev stack, ${runs} navigations)`,
        `  graph of a generated ${states}-state workflow, navigation to laid out and drawn: median ${median(times).toFixed(0)} ms (runs: ${times.map((time) => time.toFixed(0)).join(', ')})   target ≤ 1000 ms: ${median(times) <= 1000 ? 'meets target' : 'MISSES target'}`,
        `  catalogue page initial JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${new Set(scripts).size} file(s); graph and elkjs loaded: ${graphLoaded ? 'yes' : 'no'}   target ≤ 250 KB without them: ${gzipped <= 250 * 1024 && !graphLoaded ? 'meets target' : 'MISSES target'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await chat.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
