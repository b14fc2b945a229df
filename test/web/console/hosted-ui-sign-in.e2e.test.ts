/**
 * Sign-in on AWS, end to end in real Chromium: the console configured (config.json) for the Cognito
 * hosted UI signs in with the authorization code and PKCE, and the API (AUTH_MODE=cognito) accepts
 * the ID token through the user pool's JWKS. Cognito itself cannot run here; a stand-in speaks its
 * OAuth endpoints (test/helpers/hosted-ui-stand-in.ts). Also the ways a sign-in is refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { webConsole } from '../../../api/web-console';
import { startApiStack, type ApiStack } from '../../helpers/api-stack';
import { launchBrowser, reportPageErrors, screenshot } from '../../helpers/console-browser';
import { startHostedUiStandIn, type HostedUiStandIn } from '../../helpers/hosted-ui-stand-in';

jest.setTimeout(120_000);

let hostedUi: HostedUiStandIn;
let stack: ApiStack;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // Chromium starts while the servers start; afterAll closes it whatever happens here.
  const launching = launchBrowser().then((launched) => (browser = launched));
  try {
    hostedUi = await startHostedUiStandIn();
    const site = express.Router();
    site.get(
      '/config.json',
      (_req, res) => void res.json({ auth: { mode: 'cognito', domain: hostedUi.url, clientId: hostedUi.clientId } }),
    );
    site.use(webConsole());
    stack = await startApiStack({
      env: {
        AUTH_MODE: 'cognito',
        COGNITO_JWKS_URL: hostedUi.jwksUrl,
        COGNITO_ISSUER: hostedUi.issuer,
        COGNITO_AUDIENCE: hostedUi.clientId,
      },
      site,
    });
    server = createServer(stack.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hostedUi.allowRedirectTo(`${base}/`);
  } finally {
    await launching;
  }
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stack?.stop();
  await hostedUi?.close();
});

async function newPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  reportPageErrors(page);
  return page;
}

/** Clicks through the hosted UI's form as `user` with `groups`. */
async function signInAtHostedUi(page: Page, user: string, groups: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  await page.waitForURL(`${hostedUi.url}/oauth2/authorize?**`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Groups').fill(groups);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

it('signs in through the hosted UI with PKCE, comes back to the page it left, and the API accepts the ID token', async () => {
  const page = await newPage();
  await page.goto(`${base}/#/workflows/deploy-service`);
  await page.getByRole('heading', { name: 'Sign in to Statecraft' }).waitFor();
  await screenshot(page, 'sign-in-hosted-ui');

  const authorize = page.waitForRequest((request) => request.url().startsWith(`${hostedUi.url}/oauth2/authorize`));
  await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  const query = new URL((await authorize).url()).searchParams;
  expect(Object.fromEntries(query)).toEqual(
    expect.objectContaining({
      response_type: 'code',
      client_id: hostedUi.clientId,
      redirect_uri: `${base}/`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    }),
  );
  expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/);

  await page.getByLabel('Username').fill('rita');
  await page.getByLabel('Groups').fill('release-managers, viewers');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByTestId('workflow-graph').waitFor();
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe('#/workflows/deploy-service');
  await page.locator('.who', { hasText: 'rita (release-managers, viewers)' }).waitFor();
  await page.goto(`${base}/#/`);
  await page.locator('li[data-workflow]').first().waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
  expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);
  await page.close();
});

it('refuses an answer that did not start in this tab (a code planted in a link) without asking the token endpoint', async () => {
  const page = await newPage();
  const exchanges: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/oauth2/token')) exchanges.push(request.url());
  });
  await page.goto(`${base}/?code=planted&state=forged#/approvals`);
  await page.getByRole('alert').getByText('did not start in this tab').waitFor();
  expect(exchanges).toEqual([]);
  expect(new URL(page.url()).search).toBe('');
  await page.close();
});

it('refuses a callback URL (code and state) stolen into another tab, and says when the person cancels at the hosted UI', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  let callback = '';
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().includes('code=')) callback = frame.url();
  });
  await signInAtHostedUi(page, 'olivia', 'operators');
  await page.locator('li[data-workflow]').first().waitFor();
  expect(callback).toContain('state=');

  const replay = await newPage();
  await replay.goto(`${base}/`);
  await replay.goto(callback);
  await replay.getByRole('alert').getByText('did not start in this tab').waitFor();
  expect(await replay.getByRole('button', { name: 'Sign in with your organisation' }).isVisible()).toBe(true);

  const cancel = await newPage();
  await cancel.goto(`${base}/`);
  await cancel.getByRole('button', { name: 'Sign in with your organisation' }).click();
  await cancel.getByRole('link', { name: 'Cancel' }).click();
  await cancel.getByRole('alert').getByText('the user cancelled the sign-in').waitFor();
  await Promise.all([page.close(), replay.close(), cancel.close()]);
});

it('keeps identity to the verified token: a token with a forged signature is refused by the API', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  const forged = (claims: Record<string, unknown>) =>
    [{ alg: 'RS256', kid: 'stand-in' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
    '.c2lnbmF0dXJl';
  const token = forged({
    iss: hostedUi.issuer,
    aud: hostedUi.clientId,
    'cognito:username': 'mallory',
    'cognito:groups': ['admins'],
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  const status = await page.evaluate(
    async (bearer) => (await fetch('/api/workflows', { headers: { authorization: `Bearer ${bearer}` } })).status,
    token,
  );
  expect(status).toBe(401);
  await page.close();
});
