/**
 * Lays a workflow graph out with ELK (layered, top to bottom): Parallel and Map states become
 * compound nodes holding their branches, and every position is relative to the node's parent, as
 * React Flow wants it. Plain TypeScript, so it is tested without a browser.
 */
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode, WorkflowGraph } from './workflow-graph-types';

/** A node with its box; `parent` is the compound node it sits in. */
export type PlacedNode = GraphNode & { x: number; y: number; width: number; height: number };

/** The graph with every node placed. */
export type PlacedGraph = { nodes: PlacedNode[]; edges: GraphEdge[]; width: number; height: number };

/** What runs ELK: the bundled build in tests, a worker or the bundled build in the browser. */
export type ElkLayout = { layout(graph: ElkNode): Promise<ElkNode> };

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 44;
const TERMINAL_SIZE = 34;

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.padding': '[top=36,left=16,bottom=16,right=16]',
};

/** Places every node of `graph`. */
export async function layoutGraph(graph: WorkflowGraph, elk: ElkLayout): Promise<PlacedGraph> {
  const children = new Map<string | undefined, GraphNode[]>();
  for (const node of graph.nodes) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  const toElk = (node: GraphNode): ElkNode => {
    const inner = children.get(node.id) ?? [];
    const terminal = node.type === 'Start' || node.type === 'End';
    return inner.length > 0
      ? { id: node.id, layoutOptions: LAYOUT_OPTIONS, children: inner.map(toElk) }
      : { id: node.id, width: terminal ? TERMINAL_SIZE : NODE_WIDTH, height: terminal ? TERMINAL_SIZE : NODE_HEIGHT };
  };
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] }));
  const laidOut = await elk.layout({
    id: '__root',
    layoutOptions: LAYOUT_OPTIONS,
    children: (children.get(undefined) ?? []).map(toElk),
    edges,
  });
  const boxes = new Map<string, ElkNode>();
  const collect = (node: ElkNode): void => {
    for (const child of node.children ?? []) {
      boxes.set(child.id, child);
      collect(child);
    }
  };
  collect(laidOut);
  const nodes = graph.nodes.map((node) => {
    const box = boxes.get(node.id);
    return { ...node, x: box?.x ?? 0, y: box?.y ?? 0, width: box?.width ?? NODE_WIDTH, height: box?.height ?? NODE_HEIGHT };
  });
  return { nodes, edges: graph.edges, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}
