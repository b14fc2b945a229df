/**
 * `statecraft dev`: a taken port is a one-line message naming the port and the setting, and nothing
 * is left running (in-process through main(), which stops the stack once it is up); its --help,
 * through the real binary, names each setting's variable and default.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

jest.setTimeout(90_000);

let dataDir: string;
let blocker: net.Server;
let takenPort: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-dev-port-'));
  blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  takenPort = (blocker.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('statecraft dev on a taken port', () => {
  it.each([
    ['the API', { PORT: 'taken', SFN_PORT: '0', DYNAMODB_PORT: '0' }, 'or set --api-port or PORT'],
    ['Step Functions', { PORT: '0', SFN_PORT: 'taken', DYNAMODB_PORT: '0' }, 'or set --port or SFN_PORT'],
    ['DynamoDB', { PORT: '0', SFN_PORT: '0', DYNAMODB_PORT: 'taken' }, 'or set --dynamodb-port or DYNAMODB_PORT'],
  ])('names the port of %s and what to change, and exits 1', async (what, ports, setting) => {
    const env = Object.fromEntries(Object.entries(ports).map(([name, value]) => [name, value === 'taken' ? String(takenPort) : value]));

    const result = await invokeCli(['dev'], { env: { ...env, LEX_PORT: '0', STATECRAFT_DATA_DIR: dataDir } });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${takenPort} for ${what} is already in use: stop what uses it, ${setting}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('statecraft dev --help', () => {
  it('names the variable and the default of every port and the data dir, through the real binary', () => {
    const result = runCli(['dev', '--help']);

    const help = result.stdout.replace(/\s+/g, ' ');
    expect(result.code).toBe(0);
    for (const setting of [
      '(default: 3000, env: PORT)',
      '(default: 8083, env: SFN_PORT)',
      '(default: 8000, env: DYNAMODB_PORT)',
      '(default: 8084, env: LEX_PORT)',
      '(default: ".statecraft", env: STATECRAFT_DATA_DIR)',
    ]) {
      expect(help).toContain(setting);
    }
  });
});
