/** Runs, newest first, filtered by workflow and status, updated as runs start and end (live events). */
import { useState } from 'react';
import type { RunSummary, WorkflowSummary } from '../api/api-types';
import { Problem } from '../components/problem';
import { RunStatusBadge } from '../components/run-status-badge';
import { RESYNC_EVENT } from '../live/live-socket';
import { useLive } from '../live/use-live';
import { useApi } from '../use-api';
import { hrefOf } from '../use-route';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export function RunsPage() {
  const [workflow, setWorkflow] = useState('');
  const [status, setStatus] = useState('');
  const workflows = useApi<{ workflows: WorkflowSummary[] }>('/api/workflows');
  const query = new URLSearchParams({ limit: '50', ...(workflow ? { workflow } : {}), ...(status ? { status } : {}) });
  const runs = useApi<{ runs: RunSummary[] }>(`/api/runs?${query.toString()}`);
  const { reload } = runs;
  useLive({ all: true }, (event) => {
    if (event.type.startsWith('run.') || event.type === RESYNC_EVENT) reload();
  });
  return (
    <main>
      <div className="page-head">
        <h1>Runs</h1>
        <div className="filters">
          <label>
            Workflow
            <select value={workflow} onChange={(event) => setWorkflow(event.target.value)}>
              <option value="">all</option>
              {(workflows.data?.workflows ?? []).map((each) => (
                <option key={each.name}>{each.name}</option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select value={status} onChange={(event) => setStatus(event.target.value)}>
              <option value="">all</option>
              {STATUSES.map((each) => (
                <option key={each} value={each}>
                  {each.toLowerCase().replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {runs.error && <Problem message={runs.error} onRetry={reload} />}
      <table className="runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Workflow</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {(runs.data?.runs ?? []).map((run) => (
            <tr key={run.runId}>
              <td>
                <a href={hrefOf({ page: 'run', runId: run.runId })}>{run.runId}</a>
              </td>
              <td>{run.workflow}</td>
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              <td>{new Date(run.startedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.data && runs.data.runs.length === 0 && <p className="muted">No runs yet.</p>}
    </main>
  );
}
