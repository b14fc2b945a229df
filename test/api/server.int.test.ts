import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../api/config';
import { silentLogger } from '../../api/logger';
import { startApiServer } from '../../api/server';

describe('startApiServer', () => {
  it('serves the app on 127.0.0.1 and closes cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-server-'));
    const api = await startApiServer(loadConfig({ PORT: '0', STATECRAFT_DATA_DIR: dataDir }), { logger: silentLogger });

    const response = await fetch(`${api.url}/api/health`);
    await api.close();
    fs.rmSync(dataDir, { recursive: true, force: true });

    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.status).toBe(200);
  });
});

describe('the web console at /', () => {
  let dataDir: string;
  let webDir: string;
  const INDEX = '<!doctype html><title>Statecraft console</title><div id="root"></div>';

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-server-'));
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-web-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  async function withServer<T>(dir: string, use: (url: string) => Promise<T>): Promise<T> {
    const api = await startApiServer(loadConfig({ PORT: '0', STATECRAFT_DATA_DIR: dataDir }), { logger: silentLogger }, { webDir: dir });
    try {
      return await use(api.url);
    } finally {
      await api.close();
    }
  }

  it('says the console is not built, without hiding the API, until index.html exists', async () => {
    const [page, api] = await withServer(
      path.join(webDir, 'missing'),
      async (url) => [await fetch(url), await fetch(`${url}/api/nope`)] as const,
    );

    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(path.join(webDir, 'missing'));
    expect(api.status).toBe(401);
  });

  it('serves the built files, index.html for console routes, and never for /api or /ws', async () => {
    fs.mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(webDir, 'assets', 'app-3f9a.js'), 'console.log("statecraft")');
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not for the web');

    const replies = await withServer(webDir, async (url) => {
      const get = async (route: string, headers: Record<string, string> = { accept: 'text/html' }) => {
        const response = await fetch(`${url}${route}`, { headers });
        return {
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          cache: response.headers.get('cache-control'),
          text: await response.text(),
        };
      };
      return {
        root: await get('/'),
        deepLink: await get('/runs/r-0a1b2c'),
        asset: await get('/assets/app-3f9a.js', {}),
        missingAsset: await get('/assets/nope.js', { accept: 'application/javascript' }),
        api: await get('/api/nope'),
        ws: await get('/ws'),
        traversal: await get(`/..%2F${path.basename(dataDir)}%2Fsecret.txt`),
      };
    });

    expect([replies.root.status, replies.root.text]).toStrictEqual([200, INDEX]);
    expect(replies.root.cache).toBe('no-cache');
    expect([replies.deepLink.status, replies.deepLink.text]).toStrictEqual([200, INDEX]);
    expect(replies.asset).toMatchObject({ status: 200, text: 'console.log("statecraft")', cache: 'public, max-age=31536000, immutable' });
    expect(replies.asset.type).toMatch(/javascript/);
    expect(replies.missingAsset.status).toBe(404);
    expect(replies.api.status).toBe(401);
    expect(replies.ws.status).toBe(404);
    expect(replies.traversal.text).not.toContain('not for the web');
  });
});
