/**
 * `statecraft test [jest arguments...]`: runs the project's workflow tests through jest and prints,
 * per workflow, the states and branches the runs of `testWorkflow()` reached and what no test
 * reached; `--min-coverage` fails the command below a percentage.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { COVERAGE_DIR_ENV } from '../../workflows/testing/coverage';
import { formatCoverage, readCoverageDir, summarize } from '../../workflows/testing/coverage-report';
import type { CliIo } from '../cli-io';

function percentage(value: string): number {
  const parsed = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || parsed > 100) throw new InvalidArgumentError('a percentage from 0 to 100');
  return parsed;
}

export function testCommand(io: CliIo): Command {
  return new Command('test')
    .description(
      "Run the workflow tests through jest and print each workflow's coverage: the states, Choice rules, Catch and Retry arms no test reached.",
    )
    .argument('[jest...]', 'arguments for jest, e.g. test paths (default: every test)')
    .option('--min-coverage <percent>', 'fail when a workflow run by the tests is covered less than this', percentage)
    .allowUnknownOption()
    .addHelpText(
      'after',
      "\nExit status: jest's when tests fail; 1 when a workflow is below --min-coverage; 0 otherwise.\nExample: statecraft test test/workflows/definitions --min-coverage 90",
    )
    .action(async (jestArgs: string[], options: { minCoverage?: number }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-coverage-'));
      try {
        const jestCode = await runJest(jestArgs, dir, io);
        const summaries = summarize(readCoverageDir(dir));
        io.stdout.write(`\nWorkflow coverage\n${formatCoverage(summaries)}\n`);
        if (jestCode !== 0) {
          process.exitCode = jestCode;
          return;
        }
        const below = options.minCoverage === undefined ? [] : summaries.filter((each) => each.percent < (options.minCoverage as number));
        if (below.length > 0) {
          io.stderr.write(
            `\nBelow --min-coverage ${options.minCoverage}%: ${below.map((each) => `${each.workflow} (${each.percent}%)`).join(', ')}\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
}

/**
 * Runs jest in this project with the coverage directory set; resolves to its exit code. Jest writes
 * straight to the process's own streams (a terminal keeps its colours), or through `io`'s otherwise.
 */
function runJest(args: readonly string[], coverageDir: string, io: CliIo): Promise<number> {
  const jest = require.resolve('jest/bin/jest', { paths: [process.cwd(), __dirname] });
  const inherits = io.stdout === process.stdout && io.stderr === process.stderr;
  const stdio: StdioOptions = inherits ? 'inherit' : ['ignore', 'pipe', 'pipe'];
  return new Promise((resolve, reject) => {
    // The child gets this environment plus the coverage directory (spawn's env replaces, it does not add).
    const child = spawn(process.execPath, [jest, ...args], { stdio, env: { ...process.env, [COVERAGE_DIR_ENV]: coverageDir } });
    child.stdout?.pipe(io.stdout, { end: false });
    child.stderr?.pipe(io.stderr, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
