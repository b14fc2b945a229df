/** A workflow: its graph (before anything runs), each state's definition on click, the ASL, the DSL source, and a start form for those who may start it. */
import { useMemo, useState } from 'react';
import type { WorkflowDetails } from '../api/api-types';
import { LazyGraph } from '../components/lazy-graph';
import { Problem } from '../components/problem';
import { StartRunForm } from '../components/start-run-form';
import { StateInspector } from '../components/state-inspector';
import { useApi } from '../use-api';

/** The workflow's TypeScript, as written. */
function DslSource({ name }: { name: string }) {
  const source = useApi<{ file: string; text: string }>(`/api/workflows/${encodeURIComponent(name)}/source`);
  if (source.error) return <Problem message={source.error} />;
  if (!source.data) return <p className="muted">Loading…</p>;
  return (
    <figure className="source">
      <figcaption>{source.data.file}</figcaption>
      <pre>{source.data.text}</pre>
    </figure>
  );
}

type Tab = 'graph' | 'asl' | 'source' | 'start';

export function WorkflowPage({ name }: { name: string }) {
  const workflow = useApi<WorkflowDetails>(`/api/workflows/${encodeURIComponent(name)}`);
  const [tab, setTab] = useState<Tab>('graph');
  const [selected, setSelected] = useState<string>();
  const approvals = useMemo(
    () => (workflow.data ? new Set(workflow.data.approvalSteps.map((step) => step.stateName)) : new Set<string>()),
    [workflow.data],
  );

  if (workflow.error) return <Problem message={workflow.error} onRetry={workflow.reload} />;
  if (!workflow.data) return <p className="muted">Loading…</p>;
  const details = workflow.data;
  const tabs: readonly [Tab, string][] = [
    ['graph', 'Graph'],
    ['asl', 'ASL JSON'],
    ['source', 'DSL source'],
    ...(details.mayStart ? ([['start', 'Start run']] as [Tab, string][]) : []),
  ];
  return (
    <main>
      <h1>{details.name}</h1>
      <p>{details.description}</p>
      <div role="tablist" aria-label="Views of the workflow" className="tabs">
        {tabs.map(([id, text]) => (
          <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => setTab(id)}>
            {text}
          </button>
        ))}
      </div>
      {tab === 'graph' && (
        <div className="graph-with-inspector">
          <LazyGraph graph={details.graph} approvals={approvals} selected={selected} onSelect={setSelected} />
          {selected && <StateInspector definition={details.definition} name={selected} onClose={() => setSelected(undefined)} />}
        </div>
      )}
      {tab === 'asl' && <pre className="asl">{JSON.stringify(details.definition, null, 2)}</pre>}
      {tab === 'source' && <DslSource name={details.name} />}
      {tab === 'start' && <StartRunForm workflow={details.name} example={details.inputExample} />}
    </main>
  );
}
