/** The collaborators a running execution uses; built once per Engine. */
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { MapRuns } from './map-runs/map-runs';
import type { ActivityTasks } from './tasks/activity-tasks';
import type { CallbackHub } from './tasks/callback-hub';
import type { TaskIntegration } from './tasks/task-integration';

/** Clock, logger, account, task integrations and the callback registry. */
export type EngineServices = {
  clock: Clock;
  logger: Logger;
  region: string;
  accountId: string;
  integration(resource: string): TaskIntegration;
  callbacks: CallbackHub;
  /** Activity task queues (absent where activities cannot run, e.g. TestState). */
  activities?: ActivityTasks;
  /** Map Runs of Distributed Map states (absent where they cannot run, e.g. TestState). */
  mapRuns?: MapRuns;
  /** Draws in [0, 1) for FULL retry jitter (absent: Math.random). */
  random?: () => number;
  /** Task invocations currently running (for `--fast-time`, which must not skip time while one runs). */
  inFlight: { tasks: number };
};
