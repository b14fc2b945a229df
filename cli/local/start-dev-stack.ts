/** `statecraft dev` in one process: the embedded back end (startEngineStack), the REST API in front of it and live events at `/ws`. */
import type { Server } from 'node:http';
import { Router } from 'express';
import { createTokenVerifier } from '../../api/auth/create-token-verifier';
import { createWorkflowCatalogue } from '../../api/catalogue/compile-catalogue';
import { loadConfig, type ApiConfig } from '../../api/config';
import type { ApprovalEvent } from '../../api/approvals/approval-event';
import { lookUpRun } from '../../api/runs/find-run';
import { RunSnapshots } from '../../api/runs/run-snapshots';
import { startApiServer } from '../../api/server';
import { webConsole } from '../../api/web-console';
import { catalogue as sampleCatalogue } from '../../workflows/definitions';
import type { Logger } from '../../workflows/engine';
import { DevLiveEvents, LIVE_PATH } from './dev-live-events';
import { devSignIn } from './dev-sign-in';
import { listenOrExplain } from './listen-or-explain';
import { startEngineStack, type EngineStack } from './start-engine-stack';
import { startLocalLex } from './start-local-lex';

/** Ports (0 picks a free one) and the data dir; `env` supplies the rest of the API config (process.env at the entry point). */
export type DevStackOptions = {
  dataDir: string;
  apiPort: number;
  sfnPort: number;
  dynamodbPort: number;
  /** The local Lex runtime's port (the chatbot; default 0, a free one). */
  lexPort?: number;
  logger: Logger;
  env?: Readonly<Record<string, string | undefined>>;
  /** Extra wiring on the API's HTTP server before it listens (after the live socket). */
  onServer?: (server: Server) => void;
};

/** The running stack; `stop()` closes live events and the API first, then the engine and dynalite. */
export type DevStack = {
  apiUrl: string;
  liveUrl: string;
  lexEndpoint: string;
  config: ApiConfig;
  engine: EngineStack;
  live: DevLiveEvents;
  stop(): Promise<void>;
};

/** Starts the back end, then the API pointed at it with live events, undoing the back end if the API cannot listen. */
export async function startDevStack({
  dataDir,
  apiPort,
  sfnPort,
  dynamodbPort,
  lexPort = 0,
  logger,
  env = {},
  onServer,
}: DevStackOptions): Promise<DevStack> {
  const live = new DevLiveEvents(logger);
  // The engine and the approvals module report every change of a run, so the API may serve unchanged runs from memory.
  const runSnapshots = new RunSnapshots({ tracksChanges: true });
  const onApprovalEvent = (event: ApprovalEvent): void => {
    runSnapshots.changed(event.approval.executionArn);
    live.onApprovalEvent(event);
  };
  const engine = await startEngineStack({
    dataDir,
    sfnPort,
    dynamodbPort,
    logger,
    onStatusChange: (record) => {
      runSnapshots.changed(record.arn);
      // A distributed Map's iterations are executions of their map run, not runs of a workflow: the Map's own events tell their story.
      if (record.mapRunArn === undefined) live.onStatusChange(record);
    },
    onHistoryChange: runSnapshots.changed,
    onApprovalEvent,
  });
  let stopLex = async (): Promise<void> => undefined;
  try {
    const stackEnv = {
      ...env,
      PORT: String(apiPort),
      STATECRAFT_DATA_DIR: dataDir,
      SFN_ENDPOINT: engine.sfnEndpoint,
      DYNAMODB_ENDPOINT: engine.dynamodbEndpoint,
      AUTH_MODE: 'local',
    };
    const backEnd = loadConfig(stackEnv);
    const verifyToken = createTokenVerifier(backEnd.auth, { maxLifetimeSeconds: backEnd.maxTokenLifetimeSeconds });
    const catalogue = createWorkflowCatalogue(sampleCatalogue, backEnd);
    const lookup = { sfn: engine.sfn, catalogue, ledger: engine.ledger };
    const lex = await listenOrExplain(
      () => startLocalLex({ port: lexPort, workflows: sampleCatalogue, engine, lookup, verifyToken, logger, onApprovalEvent }),
      'the Lex runtime',
      lexPort,
      '--lex-port or LEX_PORT',
    );
    stopLex = () => lex.stop();
    const config = loadConfig({ ...stackEnv, LEX_ENDPOINT: lex.endpoint });
    live.follow(engine.sfn, async (runId) => (await lookUpRun(lookup, runId))?.execution.executionArn);
    const site = Router().use(devSignIn(dataDir, catalogue)).use(webConsole());
    const deps = {
      sfn: engine.sfn,
      approvalStore: engine.approvals,
      ledger: engine.ledger,
      logger,
      verifyToken,
      onApprovalEvent,
      runSnapshots,
      site,
    };
    const wire = (server: Server): void => {
      live.attach(server, verifyToken, (workflow) => catalogue.accessOf(workflow));
      onServer?.(server);
    };
    const api = await listenOrExplain(() => startApiServer(config, deps, { onServer: wire }), 'the API', apiPort, '--api-port or PORT');
    return {
      apiUrl: api.url,
      liveUrl: `${api.url.replace(/^http/, 'ws')}${LIVE_PATH}`,
      lexEndpoint: lex.endpoint,
      config,
      engine,
      live,
      async stop() {
        await live.close();
        await api.close();
        await lex.stop();
        await engine.stop();
      },
    };
  } catch (error) {
    await live.close();
    await stopLex();
    await engine.stop();
    throw error;
  }
}
