/** JSON pointers (RFC 6901) as asl-validator reports them, read back into state paths and values. */
import { isRecord } from './is-record';

const PROCESSOR_FIELDS = new Set(['ItemProcessor', 'Iterator']);

/** Where a pointer lands: the state path it goes through and the field left inside that state. */
export type PointerLocation = { statePath: string[]; field: string[] };

/** Splits `/States/A~1B/Next` into unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follows `States/<name>` steps, through `Branches/<n>` and `ItemProcessor`/`Iterator`, to the innermost state. */
export function locatePointer(segments: readonly string[]): PointerLocation {
  const statePath: string[] = [];
  let index = 0;
  let fieldStart = 0;
  while (index < segments.length) {
    const segment = segments[index];
    if (segment === 'States' && index + 1 < segments.length) {
      statePath.push(segments[index + 1]);
      index += 2;
      fieldStart = index;
    } else if (statePath.length > 0 && segment === 'Branches' && segments[index + 2] === 'States') {
      index += 2;
    } else if (statePath.length > 0 && PROCESSOR_FIELDS.has(segment) && segments[index + 1] === 'States') {
      index += 1;
    } else {
      break;
    }
  }
  return { statePath, field: segments.slice(fieldStart) };
}

/** The value at `segments` inside `root`, or undefined when the path does not exist. */
export function valueAtPointer(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isRecord(value)) value = value[segment];
    else return undefined;
  }
  return value;
}
