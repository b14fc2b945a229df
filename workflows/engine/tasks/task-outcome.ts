/** How a task attempt ended, in the JSON form memoised in the journal. */
import type { JsonValue } from '../../asl';

/** Succeeded with an output, failed with an error/cause, or timed out. */
export type TaskOutcome =
  | { status: 'succeeded'; output: JsonValue }
  | { status: 'failed'; error: string | null; cause: string | null }
  | { status: 'timed-out'; error: 'States.Timeout' | 'States.HeartbeatTimeout'; cause: string | null };
