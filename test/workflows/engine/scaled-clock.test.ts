import { ScaledClock } from '../../../workflows/engine';

describe('ScaledClock', () => {
  it('runs virtual time a thousand times faster than the wall clock', async () => {
    const clock = new ScaledClock({ scale: 1000, anchor: Date.now() });
    const start = clock.now();

    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(clock.now() - start).toBeGreaterThanOrEqual(45_000);
    expect(clock.now() - start).toBeLessThan(5 * 60_000);
  });

  it('fires a 60-second virtual timer within a fraction of a real second, not before it is due', async () => {
    const clock = new ScaledClock({ scale: 1000, anchor: Date.now() });
    const dueAt = clock.now() + 60_000;
    const realStart = Date.now();

    const firedAt = await new Promise<number>((resolve) => clock.setTimer(dueAt, () => resolve(clock.now())));

    expect(firedAt).toBeGreaterThanOrEqual(dueAt);
    expect(Date.now() - realStart).toBeLessThan(1000);
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
