import { ageActiveContexts, liveActiveContexts } from '../../../bot/emulator/age-active-contexts';

const context = (turnsToLive: number, runId = 'r-1') => ({
  name: 'RunInFocus',
  timeToLive: { timeToLiveInSeconds: 60, turnsToLive },
  contextAttributes: { runId },
});

describe('active contexts', () => {
  it('starts the time of a new context and keeps its turns', () => {
    const aged = ageActiveContexts([], [context(2)], {}, 1_000);

    expect(aged).toEqual({ activeContexts: [context(2)], contextExpiries: { RunInFocus: 61_000 } });
  });

  it('takes a turn off a context that went through a turn unchanged, and drops it at zero', () => {
    const once = ageActiveContexts([context(2)], [context(2)], { RunInFocus: 61_000 }, 5_000);
    const twice = ageActiveContexts(once.activeContexts, once.activeContexts, once.contextExpiries, 6_000);

    expect(once).toEqual({ activeContexts: [context(1)], contextExpiries: { RunInFocus: 61_000 } });
    expect(twice.activeContexts).toEqual([]);
  });

  it('restarts a context the turn re-set', () => {
    const aged = ageActiveContexts([context(1)], [context(3, 'r-2')], { RunInFocus: 10_000 }, 5_000);

    expect(aged).toEqual({ activeContexts: [context(3, 'r-2')], contextExpiries: { RunInFocus: 65_000 } });
  });

  it('drops contexts whose time ran out', () => {
    expect(liveActiveContexts([context(3)], { RunInFocus: 61_000 }, 61_000)).toEqual([]);
    expect(liveActiveContexts([context(3)], { RunInFocus: 61_000 }, 60_999)).toEqual([context(3)]);
  });
});
