/** A run: the graph coloured by each state's status, the state inspector (input, output, each failed attempt), a timeline, the events, Stop while it runs and Redrive once it failed. */
import { useMemo, useState } from 'react';
import { api, ApiError } from '../api/api-client';
import type { WorkflowDetails } from '../api/api-types';
import { EventTable } from '../components/event-table';
import { LazyGraph } from '../components/lazy-graph';
import { Problem } from '../components/problem';
import { RunStateInspector } from '../components/run-state-inspector';
import { RunStatusBadge } from '../components/run-status-badge';
import { StateTimeline } from '../components/state-timeline';
import { stateStatuses } from '../graph/state-statuses';
import { useApi } from '../use-api';
import { hrefOf } from '../use-route';
import { useRun } from '../use-run';

export function RunPage({ runId }: { runId: string }) {
  const view = useRun(runId);
  const workflow = useApi<WorkflowDetails>(view.run ? `/api/workflows/${view.run.workflow}` : undefined);
  const [selected, setSelected] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const statuses = useMemo(() => {
    const fromHistory = stateStatuses(view.visits);
    for (const [name, entry] of view.live)
      fromHistory.set(name, { ...(fromHistory.get(name) ?? { visits: 1, retries: 0 }), status: entry.status });
    return fromHistory;
  }, [view.visits, view.live]);
  const approvals = useMemo(
    () => (workflow.data ? new Set(workflow.data.approvalSteps.map((step) => step.stateName)) : new Set<string>()),
    [workflow.data],
  );

  if (view.error && !view.run) return <Problem message={view.error} onRetry={view.refresh} />;
  if (!view.run) return <p className="muted">Loading…</p>;
  const run = view.run;
  const running = run.status === 'RUNNING' || run.status === 'WAITING_FOR_APPROVAL';
  const redrivable = run.status === 'FAILED' || run.status === 'TIMED_OUT' || run.status === 'ABORTED';
  const act = async (action: 'stop' | 'redrive') => {
    setProblem(undefined);
    try {
      await api(`/api/runs/${run.runId}/${action}`, { method: 'POST', body: {} });
      view.refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <main>
      <div className="page-head">
        <h1>
          {run.runId} <RunStatusBadge status={run.status} />
        </h1>
        {running && workflow.data?.mayStart && (
          <button type="button" onClick={() => void act('stop')}>
            Stop
          </button>
        )}
        {redrivable && workflow.data?.mayStart && (
          <button type="button" onClick={() => void act('redrive')}>
            Redrive
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
            <RunStateInspector
              name={selected}
              summary={statuses.get(selected)}
              visits={view.visits}
              onClose={() => setSelected(undefined)}
            />
          )}
        </div>
      )}
      <h2>Timeline</h2>
      <StateTimeline visits={view.visits} now={view.readAt} />
      <h2>Events</h2>
      <EventTable events={view.events} />
    </main>
  );
}
