/** `statecraft token` in-process through main(); one token through the real binary proves its wiring. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTokenVerifier } from '../../api/auth/create-token-verifier';
import { loadConfig } from '../../api/config';
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

describe('statecraft token', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-token-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token the API verifies with the same key file, through the real binary', async () => {
    const result = runCli(['token', '--user', 'alice', '--groups', 'operators,approvers', '--ttl', '1h', '--data-dir', dataDir]);

    const caller = await createTokenVerifier(loadConfig({ STATECRAFT_DATA_DIR: dataDir }).auth)(result.stdout.trim());

    expect(result.code).toBe(0);
    expect(caller).toStrictEqual({ user: 'alice', groups: ['operators', 'approvers'], expiresAt: expect.any(Number) });
    expect(caller.expiresAt! - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(caller.expiresAt! - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it('says on stderr which key signed it and which stack accepts it', async () => {
    const result = await invokeCli(['token', '--user', 'alice', '--data-dir', dataDir]);

    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe(
      `signed with the key in ${path.join(dataDir, 'api-signing-key')}; the stack started with STATECRAFT_DATA_DIR=${dataDir} accepts it`,
    );
  });

  it('signs with the key in STATECRAFT_DATA_DIR when no --data-dir is given', async () => {
    const result = await invokeCli(['token', '--user', 'alice', '--ttl', '24h'], { env: { STATECRAFT_DATA_DIR: dataDir } });

    const caller = await createTokenVerifier(loadConfig({ STATECRAFT_DATA_DIR: dataDir }).auth)(result.stdout.trim());

    expect(result.code).toBe(0);
    expect(caller.user).toBe('alice');
  });

  it('refuses a ttl that is not a duration', async () => {
    const result = await invokeCli(['token', '--user', 'alice', '--ttl', 'forever', '--data-dir', dataDir]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--ttl must be a duration');
  });

  it.each(['25h', '7d', '2 weeks', '86401s'])('refuses a ttl of %s, longer than the API accepts', async (ttl) => {
    const result = await invokeCli(['token', '--user', 'alice', '--ttl', ttl, '--data-dir', dataDir]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `--ttl may be at most 24h (86400 s), the longest token the API accepts (TOKEN_MAX_LIFETIME_SECONDS); got '${ttl}'`,
    );
  });

  it('names the global roles and the groups the sample approval steps name in --help', async () => {
    const result = await invokeCli(['token', '--help']);

    expect(result.code).toBe(0);
    for (const group of ['viewers', 'operators', 'approvers', 'admins', 'release-managers', 'compliance', 'finance'])
      expect(result.stdout).toContain(group);
    expect(result.stdout).toMatch(/release-managers\s+decide approvals of deploy-service/);
    expect(result.stdout).toMatch(/finance\s+decide approvals of refund-request/);
    expect(result.stdout).toContain('TOKEN_MAX_LIFETIME_SECONDS');
  });
});
