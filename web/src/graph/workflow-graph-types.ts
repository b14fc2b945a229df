/** The API's workflow graph (workflows/dsl/graph/workflow-graph.ts), as the console receives it: types only. */
export type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeType, WorkflowGraph } from '../../../workflows/dsl/graph/workflow-graph';
