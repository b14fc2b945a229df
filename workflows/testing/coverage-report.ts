/**
 * The coverage table `statecraft test` prints: per workflow, the states and the branches (Choice
 * rules and defaults, Catch and Retry arms) runs reached, and what no test reached.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeCoverage, type WorkflowCoverage } from './coverage';

/** One workflow's figures. */
export type CoverageSummary = {
  workflow: string;
  states: [number, number];
  branches: [number, number];
  percent: number;
  uncovered: string[];
};

/** Reads every run a test process appended to `dir` (one JSON line each), merged per workflow. */
export function readCoverageDir(dir: string): WorkflowCoverage[] {
  if (!fs.existsSync(dir)) return [];
  const runs = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as WorkflowCoverage);
  return mergeCoverage(runs);
}

/** The figures of each workflow, by name. */
export function summarize(coverage: readonly WorkflowCoverage[]): CoverageSummary[] {
  return [...coverage]
    .sort((a, b) => a.workflow.localeCompare(b.workflow))
    .map(({ workflow, items, covered }) => {
      const reached = new Set(covered);
      const count = (kinds: (kind: string) => boolean) => {
        const of = items.filter((item) => kinds(item.kind));
        return [of.filter((item) => reached.has(item.key)).length, of.length] as [number, number];
      };
      const states = count((kind) => kind === 'state');
      const branches = count((kind) => kind !== 'state');
      const total = items.length === 0 ? 100 : (100 * items.filter((item) => reached.has(item.key)).length) / items.length;
      return {
        workflow,
        states,
        branches,
        percent: Math.floor(total * 10) / 10,
        uncovered: items.filter((item) => !reached.has(item.key)).map((item) => item.label),
      };
    });
}

/** The table and the list of what was not reached. */
export function formatCoverage(summaries: readonly CoverageSummary[]): string {
  if (summaries.length === 0) return 'No workflow was run by testWorkflow(), so there is no workflow coverage to show.';
  const width = Math.max('workflow'.length, ...summaries.map((each) => each.workflow.length));
  const cell = ([reached, total]: [number, number]) => `${reached}/${total}`.padStart(8);
  const lines = [
    `${'workflow'.padEnd(width)}    states  branches  coverage`,
    ...summaries.map(
      (each) =>
        `${each.workflow.padEnd(width)}  ${cell(each.states)}  ${cell(each.branches)}  ${`${each.percent.toFixed(1)}%`.padStart(8)}`,
    ),
  ];
  const missing = summaries.filter((each) => each.uncovered.length > 0);
  if (missing.length > 0) {
    lines.push('', 'Not reached by any test:');
    for (const each of missing) for (const label of each.uncovered) lines.push(`  ${each.workflow}: ${label}`);
  }
  return lines.join('\n');
}
