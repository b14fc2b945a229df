/** `statecraft validate` in-process through main(); one valid file through the real binary proves its wiring. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-validate-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const valid = write('valid.asl.json', { StartAt: 'Hello', States: { Hello: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } } });
const invalid = write('invalid.asl.json', {
  StartAt: 'Hello',
  States: {
    Hello: { Type: 'Pass', Next: 'Nowhere' },
    Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 10, HeartbeatSeconds: 20, End: true },
  },
});
const malformed = write('malformed.asl.json', '{ "StartAt": ');

describe('statecraft validate', () => {
  it('exits 0 for a valid file, through the real binary', () => {
    const result = runCli(['validate', valid]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${valid}: valid\n`);
  });

  it('exits 1 and lists every problem of an invalid file on stderr', async () => {
    const result = await invokeCli(['validate', invalid]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${invalid} › Hello: Next targets "Nowhere"`);
    expect(result.stderr).toContain(`${invalid} › Work: HeartbeatSeconds (20) must be less than TimeoutSeconds (10)`);
    expect(result.stderr).toContain(`${invalid} › Work: State is unreachable`);
  });

  it('exits 2 for an unreadable file, even next to an invalid one', async () => {
    const result = await invokeCli(['validate', invalid, malformed, path.join(dir, 'missing.json')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${malformed}: cannot read:`);
    expect(result.stderr).toContain('missing.json: cannot read: ENOENT');
  });

  it('requires at least one file', async () => {
    const result = await invokeCli(['validate']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing required argument 'files'");
  });
});
