/** The API's structured logger: JSON lines, injected so tests can silence or capture it. */

/** What the API logs through. */
export type ApiLogger = {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** One JSON object per line on `write` (stderr by default). */
export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(line)): ApiLogger {
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
  return { info: at('info'), error: at('error') };
}

/** Drops everything. */
export const silentLogger: ApiLogger = { info() {}, error() {} };
