/** A virtual clock for tests: time moves only when the test advances it. */
import { VirtualClock, type VirtualClockOptions } from '../../workflows/engine';

/** A fresh virtual clock (2024-01-01T00:00:00Z unless `start` is given). */
export function createFakeClock(options: VirtualClockOptions = {}): VirtualClock {
  return new VirtualClock(options);
}
