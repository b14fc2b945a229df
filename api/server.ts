/** Local entry: the API on a plain Node HTTP server (127.0.0.1 by default). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { catalogue as sampleCatalogue } from '../workflows/definitions';
import { createApp, type AppDeps } from './app';
import { createTokenVerifier } from './auth/create-token-verifier';
import { createWorkflowCatalogue } from './catalogue/compile-catalogue';
import { loadConfig, type ApiConfig } from './config';
import { jsonLogger } from './logger';
import { createSfnClient } from './sfn-client';
import { webConsole } from './web-console';

/** Extra wiring on the HTTP server before it listens (live events attach their WebSocket server here), and where the web console's files are. */
export type ApiServerOptions = { onServer?: (server: Server) => void; webDir?: string };

/** A listening API server. */
export type ApiServer = { server: Server; url: string; close(): Promise<void> };

/** Builds the app from `config` (deps default to the configured clients and the sample catalogue) with the web console at `/`, and listens on config.host:config.port. */
export async function startApiServer(
  config: ApiConfig,
  deps: Partial<AppDeps> = {},
  { onServer, webDir }: ApiServerOptions = {},
): Promise<ApiServer> {
  const sfn = deps.sfn ?? createSfnClient(config);
  const catalogue = deps.catalogue ?? createWorkflowCatalogue(sampleCatalogue, config);
  const app = createApp(config, {
    site: webConsole(webDir),
    ...deps,
    catalogue,
    sfn,
    verifyToken: deps.verifyToken ?? createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }),
  });
  const server = createServer(app);
  onServer?.(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        if (!deps.sfn) sfn.destroy();
      }),
  };
}

if (require.main === module) {
  const logger = jsonLogger();
  startApiServer(loadConfig(process.env), { logger }).then(
    (api) => {
      logger.info('API listening', { url: api.url });
      const stop = () => void api.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      logger.error('API failed to start', { error: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
    },
  );
}
