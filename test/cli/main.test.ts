/** main() on injected streams: commander's own output goes there too, and `process.exitCode` is left as it was found. */
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCli } from './invoke-cli';

describe('main', () => {
  it('returns the exit code a command sets and leaves process.exitCode as it was', async () => {
    const before = process.exitCode;

    const result = await invokeCli(['validate', path.join(os.tmpdir(), 'statecraft-no-such-file.asl.json')]);

    expect(result.code).toBe(2);
    expect(process.exitCode).toBe(before);
  });

  it("writes commander's errors to the given stderr, with the hint to --help", async () => {
    const result = await invokeCli(['no-such-command']);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("error: unknown command 'no-such-command'");
    expect(result.stderr).toContain('(run with --help for usage)');
  });
});
