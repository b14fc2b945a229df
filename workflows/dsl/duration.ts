/** Durations written as readable strings (`'90s'`, `'15m'`, `'24h'`, `'7d'`) or as seconds. */

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

export type DurationUnit = keyof typeof UNIT_SECONDS;

/** A number of seconds, or a count with a unit: `'30s'`, `'15m'`, `'24h'`, `'7d'`. */
export type Duration = number | `${number}${DurationUnit}`;

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)\s*([smhd])$/;

/**
 * Converts a duration to whole seconds, as ASL requires. Returns a message instead of a number
 * when the duration is malformed, so callers can report it against the state that used it.
 */
export function toSeconds(duration: Duration): number | { error: string } {
  if (typeof duration === 'number') {
    return Number.isInteger(duration) && duration >= 0
      ? duration
      : { error: `duration ${duration} must be a whole, non-negative number of seconds` };
  }
  const match = DURATION_PATTERN.exec(String(duration).trim());
  if (!match) {
    return { error: `duration '${duration}' is not valid: use a number with s, m, h or d (e.g. '90s', '24h')` };
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as DurationUnit];
  return Number.isInteger(seconds) ? seconds : { error: `duration '${duration}' is not a whole number of seconds` };
}

/** Renders seconds in the largest unit that divides them exactly, for messages and graphs. */
export function formatSeconds(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds >= UNIT_SECONDS[unit] && seconds % UNIT_SECONDS[unit] === 0) {
      return `${seconds / UNIT_SECONDS[unit]}${unit}`;
    }
  }
  return `${seconds}s`;
}
