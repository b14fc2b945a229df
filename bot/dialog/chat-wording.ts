/** How the bot words runs, times and refusals: short, plain, the same everywhere. */
import { HttpError } from '../../api/errors';

/** A span of time in words: "5 min", "3 h", "2 days". */
function span(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/** "just now", "5 min ago", "3 h ago". */
export function ago(iso: string, now: number): string {
  const seconds = (now - Date.parse(iso)) / 1000;
  return seconds < 45 ? 'just now' : `${span(seconds)} ago`;
}

/** "in 3 h", for an expiry. */
export function within(iso: string, now: number): string {
  return `in ${span(Math.max(0, (Date.parse(iso) - now) / 1000))}`;
}

/** The first sentence of a description. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

/** A failure of the shared API logic (an HttpError; anything else is rethrown), in plain words for the chat. */
export function failureWords(error: unknown, runId: string): string {
  if (!(error instanceof HttpError)) throw error;
  return refusalWords(error.code, error.message, runId);
}

/** A refusal (the access rule's or the decision path's code and reason) in plain words. */
export function refusalWords(code: string, reason: string, runId: string): string {
  switch (code) {
    case 'approval-requester-not-allowed':
      return `You started ${runId}, so someone else has to approve or reject it (four-eyes rule).`;
    case 'approval-not-allowed':
      return `You can't decide ${runId}: ${reason.replace(/^.*?: /, '')}.`;
    case 'approval-requester-unknown':
      return `Nobody knows who started ${runId}, and its workflow needs a known requester before anyone decides.`;
    case 'approval-already-decided':
      return `${runId} was already decided by someone else.`;
    case 'approval-expired':
      return `The approval of ${runId} has expired.`;
    case 'approval-cancelled':
      return `The approval of ${runId} was cancelled: its run ended.`;
    case 'forbidden':
      return `You can't do that: ${reason}.`;
    default:
      return `That didn't work: ${reason}.`;
  }
}
