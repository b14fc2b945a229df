/** A run: the graph coloured by each state's status, the state inspector with input, error and retries, the events, and Stop while it runs. */
import { useMemo, useState } from 'react';
import { api, ApiError } from '../api/api-client';
import type { WorkflowDetails } from '../api/api-types';
import { LazyGraph } from '../components/lazy-graph';
import { Problem } from '../components/problem';
import { RunStatusBadge } from '../components/run-status-badge';
import { stateStatuses } from '../graph/state-statuses';
import { useApi } from '../use-api';
import { hrefOf } from '../use-route';
import { useRun } from '../use-run';

export function RunPage({ runId }: { runId: string }) {
  const view = useRun(runId);
  const workflow = useApi<WorkflowDetails>(view.run ? `/api/workflows/${view.run.workflow}` : undefined);
  const [selected, setSelected] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const statuses = useMemo(() => stateStatuses(view.visits), [view.visits]);
  const approvals = useMemo(() => (workflow.data ? new Set(workflow.data.approvalSteps.map((step) => step.stateName)) : new Set<string>()), [workflow.data]);

  if (view.error && !view.run) return <Problem message={view.error} onRetry={view.refresh} />;
  if (!view.run) return <p className="muted">Loading…</p>;
  const run = view.run;
  const running = run.status === 'RUNNING' || run.status === 'WAITING_FOR_APPROVAL';
  const stop = async () => {
    try {
      await api(`/api/runs/${run.runId}/stop`, { method: 'POST', body: {} });
      view.refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  const summary = selected ? statuses.get(selected) : undefined;
  return (
    <main>
      <div className="page-head">
        <h1>
          {run.runId} <RunStatusBadge status={run.status} />
        </h1>
        {running && workflow.data?.mayStart && (
          <button type="button" onClick={() => void stop()}>
            Stop
          </button>
        )}
      </div>
      <p className="muted">
        <a href={hrefOf({ page: 'workflow', name: run.workflow })}>{run.workflow}</a> · started {new Date(run.startedAt).toLocaleString()}
        {run.startedBy ? ` by ${run.startedBy}` : ''}
        {run.channel ? ` (${run.channel})` : ''}
      </p>
      {problem && <Problem message={problem} />}
      {run.error && (
        <p role="status" className="problem">
          {run.error}: {run.cause}
        </p>
      )}
      {workflow.data && (
        <div className="graph-with-inspector">
          <LazyGraph graph={workflow.data.graph} approvals={approvals} statuses={statuses} selected={selected} onSelect={setSelected} />
          {selected && (
            <aside className="inspector" aria-label={`State ${selected}`}>
              <div className="inspector-head">
                <h2>{selected}</h2>
                <button type="button" onClick={() => setSelected(undefined)} aria-label="Close the state's details">
                  ×
                </button>
              </div>
              <p>
                Status: <strong>{summary?.status.replace(/-/g, ' ') ?? 'not reached'}</strong>
                {summary && summary.visits > 1 ? ` (${summary.visits} visits)` : ''}
                {summary?.retries ? `, ${summary.retries} retr${summary.retries === 1 ? 'y' : 'ies'}` : ''}
              </p>
              {summary?.error && (
                <p className="problem">
                  <strong>{summary.error}</strong> {summary.cause}
                </p>
              )}
            </aside>
          )}
        </div>
      )}
      <h2>Events</h2>
      <table className="events">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {view.events.map((event) => (
            <tr key={event.id}>
              <td>{event.id}</td>
              <td>{event.type}</td>
              <td>{String((event.details as { name?: string } | undefined)?.name ?? '')}</td>
              <td>{new Date(event.timestamp).toLocaleTimeString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
