/** The graph view, loaded on first use (React Flow and elkjs stay out of the catalogue's bundle). */
import { lazy, Suspense } from 'react';
import type { WorkflowGraphViewProps } from '../graph/workflow-graph-view';

const WorkflowGraphView = lazy(() => import('../graph/workflow-graph-view').then((module) => ({ default: module.WorkflowGraphView })));

export function LazyGraph(props: WorkflowGraphViewProps) {
  return (
    <Suspense fallback={<p className="muted">Loading the graph…</p>}>
      <WorkflowGraphView {...props} />
    </Suspense>
  );
}
