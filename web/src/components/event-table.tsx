/** A run's history like the Step Functions console's: type, state, time, time since the previous event, and each event's details on demand. */
import { Fragment, memo, useState } from 'react';
import type { ApiHistoryEvent } from '../api/api-types';
import { duration } from './state-timeline';

/** Memoised: live events re-render the run page many times a second, the history changes only when it is read again. */
export const EventTable = memo(function EventTable({ events }: { events: readonly ApiHistoryEvent[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => (current.has(id) ? new Set([...current].filter((each) => each !== id)) : new Set([...current, id])));
  return (
    <table className="events">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Type</th>
          <th scope="col">State</th>
          <th scope="col">Time</th>
          <th scope="col">Since previous</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <Fragment key={event.id}>
            <tr>
              <td>{event.id}</td>
              <td>
                {event.details ? (
                  <button type="button" className="link" aria-expanded={open.has(event.id)} onClick={() => toggle(event.id)}>
                    {event.type}
                  </button>
                ) : (
                  event.type
                )}
              </td>
              <td>{String((event.details as { name?: string } | undefined)?.name ?? '')}</td>
              <td>{new Date(event.timestamp).toLocaleTimeString()}</td>
              <td>{index === 0 ? '' : duration(Date.parse(event.timestamp) - Date.parse(events[index - 1].timestamp))}</td>
            </tr>
            {open.has(event.id) && (
              <tr className="event-details">
                <td colSpan={5}>
                  <pre>{JSON.stringify(event.details, null, 2)}</pre>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
});
