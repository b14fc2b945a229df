/** A run status as a coloured label with words (colour is never the only signal). */
const WORDS: Record<string, string> = {
  RUNNING: 'running',
  WAITING_FOR_APPROVAL: 'waiting for approval',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  ABORTED: 'stopped',
  PENDING_REDRIVE: 'pending redrive',
};

export function RunStatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{WORDS[status] ?? status.toLowerCase()}</span>;
}
