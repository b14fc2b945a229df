import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTokenVerifier } from '../../api/auth/create-token-verifier';
import { loadConfig } from '../../api/config';
import { runCli } from './run-cli';

describe('statecraft token', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-token-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token the API verifies with the same key file', async () => {
    const result = runCli(['token', '--user', 'alice', '--groups', 'operators,approvers', '--ttl', '1h', '--data-dir', dataDir]);

    const caller = await createTokenVerifier(loadConfig({ STATECRAFT_DATA_DIR: dataDir }).auth)(result.stdout.trim());

    expect(result.code).toBe(0);
    expect(caller).toStrictEqual({ user: 'alice', groups: ['operators', 'approvers'] });
  });

  it('refuses a ttl that is not a duration', () => {
    const result = runCli(['token', '--user', 'alice', '--ttl', 'forever', '--data-dir', dataDir]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--ttl must be a duration');
  });
});
