/**
 * Live events applied to a run's graph between two reads of its history: each state's status as
 * the events say (entered → running, exited → succeeded, an approval task → waiting for approval).
 * Pure; the run page applies one batch per animation frame and reads the history again less often.
 */
import type { StateStatus } from '../graph/state-statuses';
import type { LiveEvent } from './live-socket';

/** A state's status from live events, and the seq of the event that set it. */
export type OverlayEntry = { status: StateStatus; seq: number };

/** Applies `events` (in seq order) to a copy of `overlay`. */
export function applyLiveEvents(overlay: ReadonlyMap<string, OverlayEntry>, events: readonly LiveEvent[]): Map<string, OverlayEntry> {
  const next = new Map(overlay);
  for (const event of events) {
    const name =
      typeof event.data.name === 'string' ? event.data.name : typeof event.data.stateName === 'string' ? event.data.stateName : undefined;
    if (!name) continue;
    if (event.type === 'state.entered') next.set(name, { status: 'running', seq: event.seq });
    else if (event.type === 'state.exited') next.set(name, { status: 'succeeded', seq: event.seq });
    else if (event.type === 'run.status')
      next.set(name, { status: event.data.status === 'WAITING_FOR_APPROVAL' ? 'waiting-for-approval' : 'running', seq: event.seq });
  }
  return next;
}

/** What remains once the history was read: only entries newer than the read. */
export function newerThan(overlay: ReadonlyMap<string, OverlayEntry>, seq: number): Map<string, OverlayEntry> {
  return new Map([...overlay].filter(([, entry]) => entry.seq > seq));
}
