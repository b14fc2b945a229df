/**
 * Console benchmark in real Chromium against the dev stack (web/dist must be built: make web):
 * - navigation to the fully laid-out graph of a generated 300-state workflow (its details are served
 *   to the page by request interception, as the API would; the layout and drawing are the console's),
 *   median of 5; target ≤ 1 s;
 * - the initial JavaScript of the catalogue page, gzipped as served; target ≤ 250 KB, with neither
 *   elkjs nor the graph in it;
 * - a run page applying 1,000 live events: the socket is played by the benchmark (Playwright's
 *   WebSocket routing) in bursts of 50 every 5 ms for a real running run, once its page is drawn; the page times each
 *   batch it applies (User Timing `statecraft:live-batch`: the events and React's render and
 *   commit); target ≤ 16 ms a batch, no event dropped.
 *
 *   npx tsx bench/web.ts [--runs 5]
 */
import { gzipSync } from 'node:zlib';
import type { Page, WebSocketRoute } from 'playwright-core';
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
        states[name] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'work', 'Payload.$': '$' },
          ...next,
        };
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

const LIVE_EVENTS = 1000;
const BURST = 50;

/** Plays the live socket: accepts auth and subscriptions; `start()` then sends `LIVE_EVENTS` state events of `runId`, alternating over `states`, in bursts. */
async function playLiveEvents(page: Page, runId: string, workflow: string, states: readonly string[]): Promise<{ start(): void }> {
  const runSockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws$/, (socket) => {
    socket.onMessage((text) => {
      const message = JSON.parse(String(text)) as { type: string; runId?: string };
      if (message.type === 'auth') socket.send(JSON.stringify({ type: 'ready', user: 'bench' }));
      if (message.type !== 'subscribe') return;
      socket.send(JSON.stringify({ type: 'subscribed', topic: message, replayed: 0, truncated: false, lastSeq: 0 }));
      if (message.runId === runId) runSockets.push(socket);
    });
  });
  return {
    start() {
      let seq = 0;
      const burst = () => {
        for (let index = 0; index < BURST && seq < LIVE_EVENTS; index++) {
          seq += 1;
          const name = states[seq % states.length];
          const event = JSON.stringify({
            type: seq % 2 ? 'state.entered' : 'state.exited',
            seq,
            runId,
            workflow,
            time: new Date().toISOString(),
            data: { name, stateType: 'Task', eventId: seq },
          });
          for (const socket of runSockets) socket.send(event);
        }
        if (seq < LIVE_EVENTS) setTimeout(burst, 5);
      };
      burst();
    },
  };
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
      route.fulfill({
        json: {
          name: 'generated-300',
          description: 'Generated',
          inputExample: {},
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:generated-300',
          definition,
          graph,
          approvalSteps: [],
          mayStart: false,
        },
      }),
    );
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await timeGraph(page, base, graph.nodes.length));

    const livePage = await pageAs(browser, base, person);
    const backfill = toGraph(
      (await import('../workflows/dsl')).compile((await import('../workflows/definitions')).dataBackfill).definition,
    );
    const player = await playLiveEvents(
      livePage,
      'r-93e7aa',
      'data-backfill',
      backfill.nodes.filter((node) => node.type === 'Task').map((node) => node.name),
    );
    await chat.seedDemo();
    await livePage.goto(`${base}/#/runs/r-93e7aa`);
    await livePage.reload(); // a new socket, which the benchmark now plays
    // Events start once the page is drawn: the measure is applying them, not the page's first render.
    await livePage.waitForFunction(`document.querySelectorAll('.react-flow__node').length >= ${backfill.nodes.length}`, undefined, {
      timeout: 30_000,
    });
    await livePage.waitForTimeout(500);
    player.start();
    await livePage.waitForFunction(
      `performance.getEntriesByName('statecraft:live-batch').reduce((sum, entry) => sum + entry.detail.events, 0) >= ${LIVE_EVENTS}`,
      undefined,
      { timeout: 60_000 },
    );
    const batches = await livePage.evaluate<[number, number][]>(
      "performance.getEntriesByName('statecraft:live-batch').map((entry) => [entry.duration, entry.detail.events])",
    );
    if (process.argv.includes('--verbose'))
      process.stdout.write(
        `  batches (ms, events): ${batches.map(([duration, events]) => `${duration.toFixed(1)}/${events}`).join(' ')}\n`,
      );
    const applied = batches.reduce((sum, [, events]) => sum + events, 0);
    const durations = batches.map(([duration]) => duration).sort((a, b) => a - b);
    const worst = durations[durations.length - 1];
    const p95 = durations[Math.min(durations.length - 1, Math.ceil(0.95 * durations.length) - 1)];

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
        `  run page, ${LIVE_EVENTS} live events in bursts of ${BURST}: ${applied} applied in ${batches.length} batches, per batch p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms   target ≤ 16 ms a batch, none dropped: ${worst <= 16 && applied === LIVE_EVENTS ? 'meets target' : 'MISSES target'}`,
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
