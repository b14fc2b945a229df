import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { createTokenVerifier } from '../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../api/auth/load-signing-key';
import { loadConfig, type AuthConfig } from '../../../api/config';

let dataDir: string;
let auth: AuthConfig;
let keyFile: string;
let key: Uint8Array;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-verifier-'));
  auth = loadConfig({ STATECRAFT_DATA_DIR: dataDir }).auth;
  if (auth.mode !== 'local') throw new Error('expected local auth');
  keyFile = auth.keyFile;
  key = loadSigningKey(keyFile);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const T0_SECONDS = T0 / 1000;
const DAY_SECONDS = 24 * 3600;

type Claims = { issuedAt?: number; expiresAt?: number; signingKey?: Uint8Array };

/** A local token for `user` in `viewers`; without `issuedAt` or `expiresAt` the claim is left out. */
function token(user: string, { issuedAt, expiresAt, signingKey = key }: Claims): Promise<string> {
  const jwt = new SignJWT({ 'cognito:groups': ['viewers'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user)
    .setIssuer('statecraft-local');
  if (issuedAt !== undefined) jwt.setIssuedAt(issuedAt);
  if (expiresAt !== undefined) jwt.setExpirationTime(expiresAt);
  return jwt.sign(signingKey);
}

describe('createTokenVerifier', () => {
  it('returns the caller with the moment the token expires', async () => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const genuine = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 3600 });

    const caller = await verify(genuine);

    expect(caller).toStrictEqual({ user: 'vera', groups: ['viewers'], expiresAt: T0 + 3_600_000 });
  });

  it('refuses a token once it expires, even right after verifying it', async () => {
    let now = T0;
    const verify = createTokenVerifier(auth, { now: () => now });
    const shortLived = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 30 });

    await expect(verify(shortLived)).resolves.toMatchObject({ user: 'vera', groups: ['viewers'] });
    now = T0 + 29_000;
    await expect(verify(shortLived)).resolves.toMatchObject({ user: 'vera', groups: ['viewers'] });
    now = T0 + 30_000;
    await expect(verify(shortLived)).rejects.toMatchObject({ status: 401, code: 'invalid-token' });
  });

  it('verifies every token on its own: a verified one never vouches for a forged one', async () => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const genuine = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 3600 });
    const forged = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 3600, signingKey: new Uint8Array(32) });

    await expect(verify(genuine)).resolves.toMatchObject({ user: 'vera' });
    await expect(verify(forged)).rejects.toMatchObject({ status: 401 });
    await expect(verify(`${genuine.slice(0, -2)}xx`)).rejects.toMatchObject({ status: 401 });
  });

  it('hands out a caller that cannot be changed to widen the next request', async () => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const genuine = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 3600 });
    const first = await verify(genuine);

    expect(() => (first.groups as string[]).push('operators')).toThrow(TypeError);
    expect(() => Object.assign(first, { expiresAt: Number.MAX_SAFE_INTEGER })).toThrow(TypeError);
    await expect(verify(genuine)).resolves.toStrictEqual({ user: 'vera', groups: ['viewers'], expiresAt: T0 + 3_600_000 });
  });

  it('refuses a token without an exp claim, saying so', async () => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const forever = await token('vera', { issuedAt: T0_SECONDS });

    await expect(verify(forever)).rejects.toMatchObject({
      status: 401,
      code: 'invalid-token',
      message: 'the bearer token has no exp claim',
    });
  });

  it.each([
    ['exp − iat is a day and a second', { issuedAt: T0_SECONDS - 3600, expiresAt: T0_SECONDS - 3600 + DAY_SECONDS + 1 }],
    ['it has no iat and exp is more than a day away', { expiresAt: T0_SECONDS + DAY_SECONDS + 1 }],
    [
      'its iat is in the future, hiding a long life',
      { issuedAt: T0_SECONDS + 365 * DAY_SECONDS, expiresAt: T0_SECONDS + 365 * DAY_SECONDS + 3600 },
    ],
  ])('refuses a token that lives longer than the maximum: %s', async (_case, claims) => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const longLived = await token('vera', claims);

    await expect(verify(longLived)).rejects.toMatchObject({
      status: 401,
      code: 'invalid-token',
      message: 'the bearer token lives longer than the 86400 s this API accepts',
    });
  });

  it.each([
    ['exp − iat is exactly a day', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + DAY_SECONDS }],
    ['it has no iat and exp is a day away', { expiresAt: T0_SECONDS + DAY_SECONDS }],
    ['its iat is a few seconds ahead of this clock', { issuedAt: T0_SECONDS + 5, expiresAt: T0_SECONDS + 5 + 3600 }],
  ])('accepts a token within the maximum: %s', async (_case, claims) => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const dayLong = await token('vera', claims);

    await expect(verify(dayLong)).resolves.toMatchObject({ user: 'vera' });
  });

  it('names the maximum it was given', async () => {
    const verify = createTokenVerifier(auth, { maxLifetimeSeconds: 3600, now: () => T0 });
    const twoHours = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 7200 });

    await expect(verify(twoHours)).rejects.toMatchObject({
      status: 401,
      message: 'the bearer token lives longer than the 3600 s this API accepts',
    });
  });

  it("hints at the data dir when a local token was signed with another stack's key", async () => {
    const verify = createTokenVerifier(auth, { now: () => T0 });
    const otherStack = await token('vera', { issuedAt: T0_SECONDS, expiresAt: T0_SECONDS + 3600, signingKey: new Uint8Array(32).fill(7) });

    const refusal = verify(otherStack);

    await expect(refusal).rejects.toMatchObject({ status: 401, code: 'invalid-token' });
    await expect(refusal).rejects.toThrow(
      `the token was not signed with this stack's key (${keyFile}); make one with: npx statecraft token --data-dir ${dataDir} --user`,
    );
  });
});
