import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { createTokenVerifier } from '../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../api/auth/load-signing-key';
import { loadConfig, type AuthConfig } from '../../../api/config';

let dataDir: string;
let auth: AuthConfig;
let key: Uint8Array;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-verifier-'));
  auth = loadConfig({ STATECRAFT_DATA_DIR: dataDir }).auth;
  if (auth.mode !== 'local') throw new Error('expected local auth');
  key = loadSigningKey(auth.keyFile);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

function token(user: string, expiresAtSeconds: number, signingKey: Uint8Array = key): Promise<string> {
  return new SignJWT({ 'cognito:groups': ['viewers'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(user).setIssuer('statecraft-local').setIssuedAt(T0 / 1000).setExpirationTime(expiresAtSeconds).sign(signingKey);
}

describe('createTokenVerifier', () => {
  it('refuses a token once it expires, even right after verifying it', async () => {
    let now = T0;
    const verify = createTokenVerifier(auth, () => now);
    const shortLived = await token('vera', T0 / 1000 + 30);

    await expect(verify(shortLived)).resolves.toEqual({ user: 'vera', groups: ['viewers'] });
    now = T0 + 29_000;
    await expect(verify(shortLived)).resolves.toEqual({ user: 'vera', groups: ['viewers'] });
    now = T0 + 30_000;
    await expect(verify(shortLived)).rejects.toMatchObject({ status: 401, code: 'invalid-token' });
  });

  it('verifies every token on its own: a verified one never vouches for a forged one', async () => {
    const verify = createTokenVerifier(auth, () => T0);
    const genuine = await token('vera', T0 / 1000 + 3600);
    const forged = await token('vera', T0 / 1000 + 3600, new Uint8Array(32));

    await expect(verify(genuine)).resolves.toMatchObject({ user: 'vera' });
    await expect(verify(forged)).rejects.toMatchObject({ status: 401 });
    await expect(verify(`${genuine.slice(0, -2)}xx`)).rejects.toMatchObject({ status: 401 });
  });

  it('hands out a caller that cannot be changed to widen the next request', async () => {
    const verify = createTokenVerifier(auth, () => T0);
    const genuine = await token('vera', T0 / 1000 + 3600);
    const first = await verify(genuine);

    expect(() => (first.groups as string[]).push('operators')).toThrow(TypeError);
    await expect(verify(genuine)).resolves.toEqual({ user: 'vera', groups: ['viewers'] });
  });
});
