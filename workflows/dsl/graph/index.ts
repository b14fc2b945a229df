/** Graph export of a state machine: nodes and edges for the web console, and Mermaid text. */
export type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeType, WorkflowGraph } from './workflow-graph';
export { toGraph } from './to-graph';
export { toMermaid } from './to-mermaid';
