/** The catalogue: the workflows the signed-in user may read, with their size, approval steps and last runs; searchable. */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/api-client';
import type { RunSummary, WorkflowDetails, WorkflowSummary } from '../api/api-types';
import { Problem } from '../components/problem';
import { RunStatusBadge } from '../components/run-status-badge';
import { hrefOf } from '../use-route';
import { useApi } from '../use-api';

type Card = { details: WorkflowDetails; runs: RunSummary[] };

export function CataloguePage() {
  const listed = useApi<{ workflows: WorkflowSummary[] }>('/api/workflows');
  const [cards, setCards] = useState<Record<string, Card>>({});
  const [search, setSearch] = useState('');
  useEffect(() => {
    for (const workflow of listed.data?.workflows ?? []) {
      void Promise.all([
        api<WorkflowDetails>(`/api/workflows/${workflow.name}`),
        api<{ runs: RunSummary[] }>(`/api/runs?workflow=${workflow.name}&limit=3`),
      ])
        .then(([details, { runs }]) => setCards((current) => ({ ...current, [workflow.name]: { details, runs } })))
        .catch(() => undefined);
    }
  }, [listed.data]);
  const shown = useMemo(() => {
    const words = search.toLowerCase().trim();
    return (listed.data?.workflows ?? []).filter((workflow) => `${workflow.name} ${workflow.description}`.toLowerCase().includes(words));
  }, [listed.data, search]);

  if (listed.error) return <Problem message={listed.error} onRetry={listed.reload} />;
  return (
    <main>
      <div className="page-head">
        <h1>Workflows</h1>
        <input
          type="search"
          placeholder="Search workflows"
          aria-label="Search workflows"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {listed.loading && <p className="muted">Loading…</p>}
      {!listed.loading && shown.length === 0 && (
        <p className="muted">{search ? 'No workflow matches.' : 'You may not see any workflow yet.'}</p>
      )}
      <ul className="cards" aria-label="Workflows">
        {shown.map((workflow) => {
          const card = cards[workflow.name];
          const states = card?.details.graph.nodes.filter((node) => node.type !== 'Start' && node.type !== 'End').length;
          const approvals = card?.details.approvalSteps.length ?? 0;
          return (
            <li key={workflow.name} className="card" data-workflow={workflow.name}>
              <h2>
                <a href={hrefOf({ page: 'workflow', name: workflow.name })}>{workflow.name}</a>
              </h2>
              <p>{workflow.description}</p>
              <p className="muted">
                {states === undefined ? '…' : `${states} states`}
                {approvals ? ` · ${approvals} approval step${approvals === 1 ? '' : 's'}` : ''}
                {workflow.mayStart ? '' : ' · read only'}
              </p>
              {card && card.runs.length > 0 && (
                <ul className="last-runs" aria-label={`Last runs of ${workflow.name}`}>
                  {card.runs.map((run) => (
                    <li key={run.runId}>
                      <a href={hrefOf({ page: 'run', runId: run.runId })}>{run.runId}</a> <RunStatusBadge status={run.status} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
