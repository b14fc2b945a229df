/** The approvals' only source of time, injected so tests can expire a 7-day approval in milliseconds. */

/** The current instant in epoch milliseconds. */
export type ApprovalClock = { now(): number };

/** The wall clock. */
export const systemApprovalClock: ApprovalClock = { now: () => Date.now() };
