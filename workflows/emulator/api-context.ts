/** What every API action works with. */
import type { Engine, Logger } from '../engine';

/** The engine (and through it store, clock and account) plus the logger. */
export type ApiContext = { engine: Engine; logger: Logger };

/** AWS timestamps on the wire: epoch seconds, fractional. */
export function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}
