import { ScaledClock } from '../../../workflows/engine';

describe('ScaledClock', () => {
  // The wall clock (Date.now and setTimeout) is jest's fake one here: it moves only when a test advances it.
  afterEach(() => jest.useRealTimers());

  it('runs virtual time a thousand times faster than the wall clock', () => {
    jest.useFakeTimers();
    const clock = new ScaledClock({ scale: 1000, anchor: Date.now() });
    const start = clock.now();

    jest.advanceTimersByTime(50);

    expect(clock.now() - start).toBeGreaterThanOrEqual(45_000);
    expect(clock.now() - start).toBeLessThan(5 * 60_000);
  });

  it('fires a 60-second virtual timer within a fraction of a real second, not before it is due', () => {
    jest.useFakeTimers();
    const clock = new ScaledClock({ scale: 1000, anchor: Date.now() });
    const dueAt = clock.now() + 60_000;
    let firedAt: number | undefined;
    clock.setTimer(dueAt, () => (firedAt = clock.now()));

    jest.advanceTimersByTime(999);

    expect(firedAt).toBeGreaterThanOrEqual(dueAt);
  });

  it('continues from the same virtual instant in a new instance with the same anchor', () => {
    const anchor = Date.now() - 10_000;

    const first = new ScaledClock({ scale: 100, anchor }).now();
    const second = new ScaledClock({ scale: 100, anchor }).now();

    expect(second - first).toBeLessThan(1000);
    expect(first - anchor).toBeGreaterThanOrEqual(1_000_000);
  });

  it('refuses a scale below 1', () => {
    expect(() => new ScaledClock({ scale: 0.5, anchor: 0 })).toThrow('time scale must be at least 1, got 0.5');
  });
});
