/**
 * The workflow drawn with React Flow after ELK has laid it out: Parallel branches and Map
 * processors as groups, edges styled by kind (choice rules labelled), approval steps marked, and,
 * for a run, each state coloured by its status. Loaded lazily with elkjs, so neither weighs on the
 * catalogue page.
 */
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { layoutGraph, type PlacedGraph } from './layout-graph';
import { statusOf, type StateSummary } from './state-statuses';
import type { WorkflowGraph } from './workflow-graph-types';

const elk = new ELK();

export type WorkflowGraphViewProps = {
  graph: WorkflowGraph;
  approvals: ReadonlySet<string>;
  /** A run's statuses by state name; none on the workflow page. */
  statuses?: ReadonlyMap<string, StateSummary>;
  selected?: string;
  onSelect?: (name: string) => void;
};

export function WorkflowGraphView({ graph, approvals, statuses, selected, onSelect }: WorkflowGraphViewProps) {
  const [placed, setPlaced] = useState<PlacedGraph>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let current = true;
    layoutGraph(graph, elk).then(
      (result) => current && setPlaced(result),
      (error: unknown) => current && setProblem(`The graph could not be laid out: ${String(error)}`),
    );
    return () => {
      current = false;
    };
  }, [graph]);

  // Live events re-colour a few states many times a second: a node whose look did not change keeps
  // its object, so React Flow re-renders only the changed ones.
  const previous = useRef(new Map<string, Node>());
  const nodes = useMemo<Node[]>(() => {
    const built = (placed?.nodes ?? []).map((node) => {
      const group = node.type === 'Parallel' || node.type === 'Map';
      const status = statuses && node.type !== 'Start' && node.type !== 'End' ? statusOf(statuses, node.name) : undefined;
      const classes = [
        'state',
        `type-${node.type.toLowerCase()}`,
        group ? 'group' : '',
        approvals.has(node.name) ? 'approval' : '',
        status ? `status-${status}` : '',
        selected === node.name ? 'selected-state' : '',
      ];
      const className = classes.filter(Boolean).join(' ');
      const kept = previous.current.get(node.id);
      if (kept && kept.className === className && kept.position.x === node.x && kept.position.y === node.y) return kept;
      return {
        id: node.id,
        position: { x: node.x, y: node.y },
        ...(node.parent ? { parentId: node.parent, extent: 'parent' as const } : {}),
        data: { label: label(node.name, node.type, approvals.has(node.name), status) },
        style: { width: node.width, height: node.height },
        className,
        draggable: false,
        selectable: node.type !== 'Start' && node.type !== 'End',
        ariaLabel: `${node.type} state ${node.name}${status ? `, ${status.replace(/-/g, ' ')}` : ''}`,
      };
    });
    previous.current = new Map(built.map((node) => [node.id, node]));
    return built;
  }, [placed, approvals, statuses, selected]);
  const edges = useMemo<Edge[]>(
    () =>
      (placed?.edges ?? []).map((edge) => ({
        id: edge.id,
        source: edge.from,
        target: edge.to,
        label: edge.label,
        className: `edge-${edge.kind}`,
        animated: false,
        markerEnd: { type: MarkerType.ArrowClosed },
      })),
    [placed],
  );

  if (problem) return <p role="alert">{problem}</p>;
  if (!placed) return <p className="muted">Laying out the graph…</p>;
  const pick = (id: string | null | undefined) => {
    const picked = placed.nodes.find((each) => each.id === id);
    if (picked && picked.type !== 'Start' && picked.type !== 'End') onSelect?.(picked.name);
  };
  return (
    <div
      className="graph"
      // Tab to a state and press Enter or Space to open its details, as a click does.
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ')
          pick((event.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id'));
      }}
      data-testid="workflow-graph"
      data-node-count={placed.nodes.filter((node) => node.type !== 'Start' && node.type !== 'End').length}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesConnectable={false}
        onNodeClick={(_event, node) => pick(node.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function label(name: string, type: string, approval: boolean, status: string | undefined) {
  if (type === 'Start' || type === 'End') return <span className="terminal-label">{type === 'Start' ? 'start' : 'end'}</span>;
  return (
    <span className="state-label">
      <span className="state-name">{name}</span>
      <span className="state-meta">
        {approval ? 'approval' : type}
        {status && status !== 'not-reached' ? ` · ${status.replace(/-/g, ' ')}` : ''}
      </span>
    </span>
  );
}
