/**
 * A state machine as nodes and edges, for the web console's graph view and for Mermaid output.
 * Built by `toGraph`; plain data, so it crosses to the console as JSON unchanged.
 */

/** What a node stands for: an ASL state type, or the Start/End of a scope. */
export type GraphNodeType = 'Start' | 'End' | 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** A state, or the Start/End of the top level, a Parallel branch or a Map processor. */
export type GraphNode = {
  /** Unique and stable: the state path joined with '/', e.g. `Build checks/Run unit tests`. */
  id: string;
  /** The state name, or `Start` / `End`. */
  name: string;
  type: GraphNodeType;
  /** Id of the enclosing Parallel or Map node, for nodes inside a branch or processor. */
  parent?: string;
  /** Index of the Parallel branch the node belongs to. */
  branch?: number;
  /** A Task's `Resource`. */
  resource?: string;
  /** Readable summary of `Retry`, e.g. `retry States.TaskFailed ×3, 2s backoff ×2`. */
  retry?: string;
  /** Readable summary of a Task's timeouts (or the workflow's, on the top Start node). */
  timeout?: string;
  comment?: string;
};

/** Why one node leads to another. */
export type GraphEdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'branch' | 'iteration';

/** A directed edge between two node ids. */
export type GraphEdge = { id: string; from: string; to: string; kind: GraphEdgeKind; label?: string };

/** Nodes in definition order, depth-first, and the edges between them. */
export type WorkflowGraph = { nodes: GraphNode[]; edges: GraphEdge[] };
