/** What every API action works with. */
import type { Engine, Logger, TestStateOptions } from '../engine';

/**
 * The engine (and through it store, clock and account), the logger, the task handlers TestState
 * calls, and how long GetActivityTask waits for a task (default: AWS's 60 s).
 */
export type ApiContext = {
  engine: Engine;
  logger: Logger;
  taskHandlers?: TestStateOptions['taskHandlers'];
  activityPollTimeoutMs?: number;
};

/** AWS timestamps on the wire: epoch seconds, fractional. */
export function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}
