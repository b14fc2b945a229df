/** What every API action works with. */
import type { Engine, Logger, TestStateOptions } from '../engine';

/** The engine (and through it store, clock and account), the logger, and the task handlers TestState calls. */
export type ApiContext = { engine: Engine; logger: Logger; taskHandlers?: TestStateOptions['taskHandlers'] };

/** AWS timestamps on the wire: epoch seconds, fractional. */
export function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}
