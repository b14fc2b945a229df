/** A run status as a coloured label with words (colour is never the only signal). */
import { statusWords } from '../../../api/runs/status-words';

export function RunStatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{statusWords(status)}</span>;
}
