/** Finds the `file:line` of the user's builder call, so compile errors point at the workflow's source. */
import * as path from 'node:path';

const DSL_DIR = __dirname;
/** Enough frames to get from a builder method out of the DSL; fewer frames are cheaper to capture. */
const FRAMES_TO_USER_CODE = 8;

/** A `file:line` resolved on first use: formatting a stack is costly and most are never read. */
export type LazyLocation = () => string | undefined;

/**
 * Captures the caller's stack now and returns a function giving the first frame outside the DSL,
 * relative to the working directory. Stacks are source-mapped under tsx and jest: TypeScript lines.
 */
export function captureLocation(): LazyLocation {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES_TO_USER_CODE;
  Error.captureStackTrace(holder, captureLocation);
  Error.stackTraceLimit = limit;
  let resolved: string | undefined | null = null;
  return () => {
    if (resolved === null) resolved = firstUserFrame(holder.stack ?? '');
    return resolved;
  };
}

/** For builds that do not need locations: capturing a stack is the costliest part of building. */
export const NO_LOCATION: LazyLocation = () => undefined;

/** The caller's location, resolved at once (for paths that are not hot). */
export function callerLocation(): string | undefined {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, callerLocation);
  return firstUserFrame(holder.stack ?? '');
}

function firstUserFrame(stack: string): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    if (!path.isAbsolute(file) || file.startsWith(DSL_DIR + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return `${path.relative(process.cwd(), file)}:${match[2]}`;
  }
  return undefined;
}
