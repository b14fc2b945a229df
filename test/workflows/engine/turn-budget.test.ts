import { nextTurn, STATES_PER_TURN, turnSpent } from '../../../workflows/engine/turn-budget';

describe('turn budget', () => {
  it('is spent after STATES_PER_TURN states and fresh again in the next turn', async () => {
    await nextTurn();

    const spent = Array.from({ length: STATES_PER_TURN + 1 }, () => turnSpent());
    await nextTurn();
    const afterYield = turnSpent();

    expect(spent.indexOf(true)).toBe(STATES_PER_TURN);
    expect(afterYield).toBe(false);
  });
});
