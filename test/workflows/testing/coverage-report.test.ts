import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatCoverage, readCoverageDir, summarize, type WorkflowCoverage } from '../../../workflows/testing';

const items = [
  { key: 'state:A', kind: 'state' as const, state: 'A', label: "state 'A'" },
  { key: 'state:B', kind: 'state' as const, state: 'B', label: "state 'B'" },
  { key: 'choice:A:0', kind: 'choice-rule' as const, state: 'A', label: "'A' rule 1 → B" },
  { key: 'default:A', kind: 'choice-default' as const, state: 'A', label: "'A' default → C" },
];

describe('the coverage report', () => {
  it('merges the runs the test workers appended and counts states and branches', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-coverage-test-'));
    const run = (covered: string[]): WorkflowCoverage => ({ workflow: 'flow', items, covered });
    fs.writeFileSync(path.join(dir, 'runs-1.jsonl'), `${JSON.stringify(run(['state:A', 'default:A']))}\n`);
    fs.writeFileSync(
      path.join(dir, 'runs-2.jsonl'),
      `${JSON.stringify(run(['state:A', 'state:B', 'choice:A:0']))}\n${JSON.stringify(run(['state:A']))}\n`,
    );

    const [summary] = summarize(readCoverageDir(dir));
    fs.rmSync(dir, { recursive: true });

    expect(summary).toEqual({ workflow: 'flow', states: [2, 2], branches: [2, 2], percent: 100, uncovered: [] });
  });

  it('lists what no test reached', () => {
    const summaries = summarize([{ workflow: 'flow', items, covered: ['state:A', 'choice:A:0', 'state:B'] }]);

    expect(summaries[0].percent).toBe(75);
    expect(formatCoverage(summaries)).toBe(
      [
        'workflow    states  branches  coverage',
        'flow           2/2       1/2     75.0%',
        '',
        'Not reached by any test:',
        "  flow: 'A' default → C",
      ].join('\n'),
    );
  });

  it('says so when no workflow was run', () => {
    expect(formatCoverage([])).toBe('No workflow was run by testWorkflow(), so there is no workflow coverage to show.');
  });
});
