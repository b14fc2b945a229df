/**
 * Active contexts live a number of turns and a number of seconds, whichever ends first
 * (https://docs.aws.amazon.com/lexv2/latest/dg/context-mgmt-active-context.html). A context that
 * was active during a turn and comes out of it unchanged has one turn less; a new or re-set one
 * starts its time again.
 */
import type { LexActiveContext } from '../definition/lex-types';

/** The contexts whose time has not run out at `now`. */
export function liveActiveContexts(
  contexts: readonly LexActiveContext[],
  expiries: Record<string, number>,
  now: number,
): LexActiveContext[] {
  return contexts.filter((context) => (expiries[context.name] ?? Number.POSITIVE_INFINITY) > now);
}

/** The contexts after a turn that started with `before` and ended with `after`, and their new expiries. */
export function ageActiveContexts(
  before: readonly LexActiveContext[],
  after: readonly LexActiveContext[],
  expiries: Record<string, number>,
  now: number,
): { activeContexts: LexActiveContext[]; contextExpiries: Record<string, number> } {
  const used = new Set(before.map((context) => JSON.stringify(context)));
  const activeContexts: LexActiveContext[] = [];
  const contextExpiries: Record<string, number> = {};
  for (const context of after) {
    const fresh = now + context.timeToLive.timeToLiveInSeconds * 1000;
    if (!used.has(JSON.stringify(context))) {
      activeContexts.push(context);
      contextExpiries[context.name] = fresh;
      continue;
    }
    const turnsToLive = context.timeToLive.turnsToLive - 1;
    if (turnsToLive < 1) continue;
    activeContexts.push({ ...context, timeToLive: { ...context.timeToLive, turnsToLive } });
    contextExpiries[context.name] = expiries[context.name] ?? fresh;
  }
  return { activeContexts, contextExpiries };
}
