/** A run status in words, the same in the chat and the console. */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  RUNNING: 'running',
  WAITING_FOR_APPROVAL: 'waiting for approval',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  ABORTED: 'stopped',
  PENDING_REDRIVE: 'waiting to be redriven',
};

/** "waiting for approval" for WAITING_FOR_APPROVAL; unknown statuses lower-cased. */
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status.toLowerCase();
}
