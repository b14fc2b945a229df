/** The states of a run on a time axis: one bar per visit, from entered to exited (or now while open). */
import { memo } from 'react';
import type { StateVisit } from '../../../api/history/history-reader';

export const StateTimeline = memo(function StateTimeline({ visits, now }: { visits: readonly StateVisit[]; now: number }) {
  const timed = visits.filter((visit) => visit.enteredAt !== undefined && visit.stateType !== 'Parallel' && visit.stateType !== 'Map');
  if (timed.length === 0) return null;
  const start = Math.min(...timed.map((visit) => new Date(visit.enteredAt ?? 0).getTime()));
  const end = Math.max(...timed.map((visit) => new Date(visit.exitedAt ?? now).getTime()), start + 1);
  const span = end - start;
  return (
    <ol className="timeline" aria-label="Timeline of states">
      {timed.map((visit) => {
        const from = new Date(visit.enteredAt ?? 0).getTime();
        const to = new Date(visit.exitedAt ?? now).getTime();
        return (
          <li key={visit.enteredEventId}>
            <span className="timeline-name">{visit.name}</span>
            <span className="timeline-track">
              <span
                className={`timeline-bar status-${visit.status}`}
                style={{ marginLeft: `${((from - start) / span) * 100}%`, width: `${Math.max(0.5, ((to - from) / span) * 100)}%` }}
              />
            </span>
            <span className="timeline-duration">{duration(to - from)}</span>
          </li>
        );
      })}
    </ol>
  );
});

/** "850 ms", "12.3 s", "4 min 2 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
