/** `statecraft test` in-process through main() (jest itself still runs as a child); jest's failure passed through the real binary proves its wiring. */
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

describe('statecraft test', () => {
  it('runs the tests through jest, prints the workflow coverage and fails below --min-coverage', async () => {
    // One test of the kit's own file: a single refund-request run, so its coverage is partial.
    const result = await invokeCli(['test', 'test/workflows/testing/kit.test.ts', '-t', 'plays a sequence', '--min-coverage', '90'], {
      env: { CI: 'true' },
    });

    expect(result.stdout).toMatch(
      /Workflow coverage\nworkflow\s+states\s+branches\s+coverage\nrefund-request\s+\d+\/\d+\s+\d+\/\d+\s+\d+\.\d%/,
    );
    expect(result.stdout).toContain("refund-request: 'Needs approval?' rule 1 → Finance approval");
    expect(result.stderr).toMatch(/Below --min-coverage 90%: refund-request \(\d+(\.\d)?%\)/);
    expect(result.code).toBe(1);
  });

  it("passes jest's failure through, through the real binary", () => {
    const result = runCli(['test', 'test/no-such-tests'], undefined, { CI: 'true' });

    expect(result.stdout).toContain('No workflow was run by testWorkflow()');
    expect(result.code).not.toBe(0);
  });

  it('refuses a coverage that is not a percentage', async () => {
    const result = await invokeCli(['test', '--min-coverage', '120']);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('a percentage from 0 to 100');
  });
});
