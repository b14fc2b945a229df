/** The CLI's logger: one line per entry on stderr, at or above a level (the structured Logger shape). */
import type { Logger } from '../workflows/engine';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `2026-11-26T17:00:00.000Z info  resumed executions count=3` */
export function consoleLogger(minimum: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const threshold = LOG_LEVELS.indexOf(minimum);
  const at = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const fields = Object.entries(data ?? {}).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    write(`${new Date().toISOString()} ${level.padEnd(5)} ${[message, ...fields].join(' ')}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
