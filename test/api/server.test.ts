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
