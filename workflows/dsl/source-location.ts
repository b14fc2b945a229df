/** Finds the `file:line` of the user's builder call, so compile errors point at the workflow's source. */
import * as path from 'node:path';

const DSL_DIR = __dirname;

/**
 * The first stack frame outside the DSL, as a path relative to the working directory.
 * Stack traces are source-mapped under tsx and jest, so this is the TypeScript line.
 */
export function callerLocation(): string | undefined {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, callerLocation);
  for (const line of (holder.stack ?? '').split('\n').slice(1)) {
    const match = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    if (!path.isAbsolute(file) || file.startsWith(DSL_DIR + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return `${path.relative(process.cwd(), file)}:${match[2]}`;
  }
  return undefined;
}
