/**
 * How the run loop shares the event loop: every execution in the process draws on one budget of
 * states per turn, and a branch that finds it spent waits for the next turn (setImmediate), so
 * API requests, timers and the store's commit get through however many executions run. One
 * budget, not one per branch: a Map of 1,000 short iterations yields too, and a long loop commits
 * its events in a few large transactions instead of many small ones.
 */

/** States run per turn of the event loop, across all executions (~1 ms in memory). */
export const STATES_PER_TURN = 512;

let statesThisTurn = 0;

/** Counts one state; true when the turn's budget is spent and the caller should await `nextTurn()`. */
export function turnSpent(): boolean {
  return ++statesThisTurn > STATES_PER_TURN;
}

/** Resolves in the next turn of the event loop, with a fresh budget. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      statesThisTurn = 0;
      resolve();
    }),
  );
}
