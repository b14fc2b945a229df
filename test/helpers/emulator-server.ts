/** Starts the Step Functions API server on 127.0.0.1 and a free port, with an SDK client for it. */
import type { SFNClient } from '@aws-sdk/client-sfn';
import { createStepFunctionsServer, type StepFunctionsServer, type StepFunctionsServerOptions } from '../../workflows/emulator';
import { createSfnClient } from './sfn-client';

/** A listening server and a client talking to it. */
export type RunningEmulator = { server: StepFunctionsServer; client: SFNClient; endpoint: string; stop(): Promise<void> };

/** Starts a server (in memory unless `dataDir` is given). */
export async function startEmulator(options: StepFunctionsServerOptions = {}): Promise<RunningEmulator> {
  const server = createStepFunctionsServer(options);
  await server.listen(0, '127.0.0.1');
  const client = createSfnClient(server.endpoint);
  return {
    server,
    client,
    endpoint: server.endpoint,
    async stop() {
      client.destroy();
      await server.close();
    },
  };
}
