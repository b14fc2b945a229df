/** `statecraft dev` in one process: the embedded back end (startEngineStack) and the REST API in front of it. */
import type { Server } from 'node:http';
import { loadConfig, type ApiConfig } from '../../api/config';
import { startApiServer } from '../../api/server';
import type { Logger } from '../../workflows/engine';
import { listenOrExplain } from './listen-or-explain';
import { startEngineStack, type EngineStack } from './start-engine-stack';

/** Ports (0 picks a free one) and the data dir; `env` supplies the rest of the API config (process.env at the entry point). */
export type DevStackOptions = {
  dataDir: string;
  apiPort: number;
  sfnPort: number;
  dynamodbPort: number;
  logger: Logger;
  env?: Readonly<Record<string, string | undefined>>;
  /** Extra wiring on the API's HTTP server before it listens (live events). */
  onServer?: (server: Server) => void;
};

/** The running stack; `stop()` closes the API first, then the engine and dynalite. */
export type DevStack = { apiUrl: string; config: ApiConfig; engine: EngineStack; stop(): Promise<void> };

/** Starts the back end, then the API pointed at it, undoing the back end if the API cannot listen. */
export async function startDevStack({ dataDir, apiPort, sfnPort, dynamodbPort, logger, env = {}, onServer }: DevStackOptions): Promise<DevStack> {
  const engine = await startEngineStack({ dataDir, sfnPort, dynamodbPort, logger });
  try {
    const config = loadConfig({
      ...env,
      PORT: String(apiPort),
      STATECRAFT_DATA_DIR: dataDir,
      SFN_ENDPOINT: engine.sfnEndpoint,
      DYNAMODB_ENDPOINT: engine.dynamodbEndpoint,
      AUTH_MODE: 'local',
    });
    const api = await listenOrExplain(() => startApiServer(config, { sfn: engine.sfn, approvalStore: engine.approvals, logger }, { onServer }), 'the API', apiPort, 'PORT');
    return {
      apiUrl: api.url,
      config,
      engine,
      async stop() {
        await api.close();
        await engine.stop();
      },
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}
