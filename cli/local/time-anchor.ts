/** The anchor of a scaled clock, kept in the data dir so a restarted engine continues the same virtual time. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ANCHOR_FILE = 'clock.json';

/** The anchor recorded for this data dir and scale, recording now if there is none (or the scale changed). */
export function timeAnchor(dataDir: string, scale: number, now = Date.now()): number {
  const file = path.join(dataDir, ANCHOR_FILE);
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { anchor?: unknown; scale?: unknown };
    if (typeof saved.anchor === 'number' && saved.scale === scale) return saved.anchor;
  } catch {
    // no anchor yet: record one below
  }
  fs.writeFileSync(file, `${JSON.stringify({ anchor: now, scale })}\n`);
  return now;
}
