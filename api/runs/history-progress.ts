/** Where a run is, from its history: the states entered and not yet exited, and which of them wait for an approval (read by the one HistoryReader). */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { readHistory } from '../history/history-reader';

/** The open states (in the order entered) and which of them wait for an approval. */
export type HistoryProgress = { currentStates: string[]; waitingForApproval: string[] };

/** Replays the events (oldest first). */
export function historyProgress(events: readonly HistoryEvent[]): HistoryProgress {
  const reader = readHistory(events);
  return { currentStates: reader.currentStates(), waitingForApproval: reader.waitingForApproval() };
}
