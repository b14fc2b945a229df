import type { TaskState } from '../../asl';
import { formatSeconds } from '../duration';
import { stripJsonata } from './strip-jsonata';

/** A literal count of seconds, a JSONata expression, or a reference path, as readable text. */
function formatLimit(value: number | string | undefined, path: string | undefined): string | undefined {
  if (typeof value === 'number') return formatSeconds(value);
  if (typeof value === 'string') return stripJsonata(value);
  return path;
}

/** A Task's timeouts as one line, e.g. `timeout 5m, heartbeat 1m` (`formatSeconds` units), or undefined if none. */
export function summarizeTimeout(
  state: Pick<TaskState, 'TimeoutSeconds' | 'TimeoutSecondsPath' | 'HeartbeatSeconds' | 'HeartbeatSecondsPath'>,
): string | undefined {
  const timeout = formatLimit(state.TimeoutSeconds, state.TimeoutSecondsPath);
  const heartbeat = formatLimit(state.HeartbeatSeconds, state.HeartbeatSecondsPath);
  const parts = [timeout && `timeout ${timeout}`, heartbeat && `heartbeat ${heartbeat}`].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : undefined;
}
