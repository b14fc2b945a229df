/** One state of a run: its status, each visit's input and output, and every failed attempt (retries) with error and cause. */
import type { StateVisit } from '../../../api/history/history-reader';
import type { StateSummary } from '../graph/state-statuses';
import { InspectorPanel } from './inspector-panel';

export function RunStateInspector({
  name,
  summary,
  visits,
  onClose,
}: {
  name: string;
  summary?: StateSummary;
  visits: readonly StateVisit[];
  onClose: () => void;
}) {
  const mine = visits.filter((visit) => visit.name === name);
  const latest = mine[mine.length - 1];
  return (
    <InspectorPanel name={name} onClose={onClose}>
      <p>
        Status: <strong>{summary?.status.replace(/-/g, ' ') ?? 'not reached'}</strong>
        {summary && summary.visits > 1 ? ` (${summary.visits} visits)` : ''}
        {summary?.retries ? `, ${summary.retries} retr${summary.retries === 1 ? 'y' : 'ies'}` : ''}
      </p>
      {latest?.failures.map((failure, index) => (
        <p key={index} className="problem">
          {latest.failures.length > 1 ? `Attempt ${index + 1}: ` : ''}
          <strong>{failure.error}</strong> {failure.cause}
        </p>
      ))}
      {latest?.input !== undefined && <JsonBlock title="Input" text={latest.input} />}
      {latest?.output !== undefined && <JsonBlock title="Output" text={latest.output} />}
    </InspectorPanel>
  );
}

function JsonBlock({ title, text }: { title: string; text: string }) {
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: shown as it is.
  }
  return (
    <details open>
      <summary>{title}</summary>
      <pre>{shown}</pre>
    </details>
  );
}
