/** `statecraft demo`: seeds the running stack with the demo runs the chatbot's docs and dialogs use, and waits until each is in its state. */
import * as path from 'node:path';
import { Command } from 'commander';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { DEMO_GROUPS, DEMO_RUNS, DEMO_USER } from '../local/demo-runs';
import { seedDemoRun } from '../local/seed-demo-run';
import { devToken } from '../local/dev-token';
import { apiClient } from '../local/api-client';
import { apiUrlOption, dataDirOption } from '../stack-options';

type DemoOptions = { url: string; dataDir: string; timeout: string };

export function demoCommand({ stdout }: CliIo): Command {
  return new Command('demo')
    .description(
      `Seed the running stack (statecraft dev) with the demo runs, started by '${DEMO_USER}' so anyone else may approve them; waits until each is in its state.`,
    )
    .addOption(apiUrlOption())
    .addOption(dataDirOption("the stack's data dir, where its signing key is"))
    .option('--timeout <seconds>', 'how long each run may take to reach its state', '60')
    .addHelpText(
      'after',
      `\nThe runs:\n${DEMO_RUNS.map((run) => `  ${run.runId}  ${run.workflow.padEnd(18)} ${run.description}`).join('\n')}\n\nRunning it again is safe: existing demo runs are kept, and checked.`,
    )
    .action((options: DemoOptions) => runDemo(options, stdout));
}

async function runDemo(options: DemoOptions, stdout: NodeJS.WritableStream): Promise<void> {
  const timeoutMs = Number(options.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new CliError(`--timeout must be a number of seconds above 0, got '${options.timeout}'`, 2);
  const token = await devToken(path.resolve(options.dataDir), { user: DEMO_USER, groups: DEMO_GROUPS, ttl: '1h' });
  const api = apiClient(options.url, token);
  let failures = 0;
  for (const run of DEMO_RUNS) {
    const outcome = await seedDemoRun(api, run, timeoutMs);
    stdout.write(`${outcome.ok ? '✓' : '✗'} ${run.runId}  ${run.workflow.padEnd(18)} ${outcome.ok ? run.description : outcome.problem}\n`);
    if (!outcome.ok) failures++;
  }
  if (failures > 0)
    throw new CliError(`${failures} of ${DEMO_RUNS.length} demo runs are not in their state (a fresh data dir seeds them anew)`, 1);
  stdout.write(`\nTry the bot: npx statecraft chat --user alice --groups operators,release-managers,finance\n`);
}
