import type { MapState, State, StateMachine, StateMachineBranch } from '../../asl';
import { DefinitionError } from '../errors';
import { claimUniqueId } from './claim-unique-id';
import { formatChoiceRule } from './format-choice-rule';
import { formatErrorNames } from './format-error-names';
import { summarizeRetry } from './summarize-retry';
import { summarizeTimeout } from './summarize-timeout';
import { stripJsonata } from './strip-jsonata';
import type { GraphEdge, GraphEdgeKind, GraphNode, WorkflowGraph } from './workflow-graph';

/** The workflow name used in diagnostics, since a bare definition has none. */
const WORKFLOW_NAME = 'state machine';

/** Where a scope's nodes sit: the enclosing Parallel/Map node, and the branch index. */
type Placement = { parent?: string; branch?: number };

/** The ids claimed for one scope (top level, Parallel branch or Map processor). */
type Scope = {
  states: StateMachineBranch['States'];
  statePath: readonly string[];
  placement: Placement;
  startId: string;
  endId: string;
  idsByName: ReadonlyMap<string, string>;
};

/** The Map's item processor, in either spelling. */
function processorOf(state: MapState): StateMachineBranch | undefined {
  return state.ItemProcessor ?? state.Iterator;
}

/** `max 3 at once` for a Map's concurrency limit; nothing when unlimited (0 or unset). */
function concurrencyLabel(state: MapState): string | undefined {
  const limit = state.MaxConcurrency === undefined ? state.MaxConcurrencyPath : state.MaxConcurrency;
  if (limit === undefined || limit === 0) return undefined;
  return `max ${typeof limit === 'string' ? stripJsonata(limit) : limit} at once`;
}

/** Collects nodes and edges while walking the definition depth-first. */
class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly nodeIds = new Set<string>();
  private readonly edgeIds = new Set<string>();

  /** Claims the ids of a scope's Start, states and End before any of them is emitted. */
  openScope(branch: StateMachineBranch, statePath: readonly string[], idPrefix: string, placement: Placement): Scope {
    const startId = claimUniqueId(this.nodeIds, `${idPrefix}__start__`, '#');
    const idsByName = new Map<string, string>();
    for (const name of Object.keys(branch.States)) {
      idsByName.set(name, claimUniqueId(this.nodeIds, [...statePath, name].join('/'), '#'));
    }
    const endId = claimUniqueId(this.nodeIds, `${idPrefix}__end__`, '#');
    return { states: branch.States, statePath, placement, startId, endId, idsByName };
  }

  /** Emits a scope: its Start, each state depth-first in definition order, then its End. */
  addScope(scope: Scope, startAt: string, timeout?: string): void {
    this.nodes.push({
      id: scope.startId,
      name: 'Start',
      type: 'Start',
      ...scope.placement,
      ...(timeout === undefined ? {} : { timeout }),
    });
    this.addEdge(scope.startId, this.target(scope, startAt, scope.statePath, 'StartAt'), 'next');
    for (const [name, state] of Object.entries(scope.states)) this.addState(scope, name, state);
    this.nodes.push({ id: scope.endId, name: 'End', type: 'End', ...scope.placement });
  }

  /** Adds an edge whose id is `from:kind`, plus `:index` for kinds a state can have several of. */
  private addEdge(from: string, to: string, kind: GraphEdgeKind, label?: string, index?: number): void {
    const wanted = index === undefined ? `${from}:${kind}` : `${from}:${kind}:${index}`;
    const id = claimUniqueId(this.edgeIds, wanted, '#');
    this.edges.push({ id, from, to, kind, ...(label === undefined ? {} : { label }) });
  }

  private addState(scope: Scope, name: string, state: State): void {
    const id = this.target(scope, name, scope.statePath, 'state');
    const statePath = [...scope.statePath, name];
    const retry = 'Retry' in state ? summarizeRetry(state.Retry) : undefined;
    const timeout = state.Type === 'Task' ? summarizeTimeout(state) : undefined;
    this.nodes.push({
      id,
      name,
      type: state.Type,
      ...scope.placement,
      ...(state.Type === 'Task' ? { resource: state.Resource } : {}),
      ...(retry === undefined ? {} : { retry }),
      ...(timeout === undefined ? {} : { timeout }),
      ...(state.Comment === undefined ? {} : { comment: state.Comment }),
    });

    const children = this.openChildren(id, statePath, state);
    this.addTransitions(scope, id, statePath, state);
    for (const child of children) this.addScope(child.scope, child.startAt);
  }

  /** The edges out of a state within its scope: Choices and Default, Next or End, then Catch. */
  private addTransitions(scope: Scope, id: string, statePath: readonly string[], state: State): void {
    const to = (name: string, field: string) => this.target(scope, name, statePath, field);
    if (state.Type === 'Choice') {
      state.Choices.forEach((rule, i) => this.addEdge(id, to(rule.Next, 'Next'), 'choice', formatChoiceRule(rule), i));
      if (state.Default !== undefined) this.addEdge(id, to(state.Default, 'Default'), 'default');
    } else if (state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true) {
      this.addEdge(id, scope.endId, 'next');
    } else if (state.Next !== undefined) {
      this.addEdge(id, to(state.Next, 'Next'), 'next');
    }
    if ('Catch' in state) {
      state.Catch?.forEach((catcher, i) =>
        this.addEdge(id, to(catcher.Next, 'Catch Next'), 'catch', formatErrorNames(catcher.ErrorEquals), i),
      );
    }
  }

  /** Claims a Parallel's branches or a Map's processor and adds the edges into them. */
  private openChildren(id: string, statePath: readonly string[], state: State): { scope: Scope; startAt: string }[] {
    if (state.Type === 'Parallel') {
      return state.Branches.map((branch, i) => {
        const scope = this.openScope(branch, statePath, `${id}/${i}/`, { parent: id, branch: i });
        this.addEdge(id, scope.startId, 'branch', undefined, i);
        return { scope, startAt: branch.StartAt };
      });
    }
    const processor = state.Type === 'Map' ? processorOf(state) : undefined;
    if (state.Type !== 'Map' || processor === undefined) return [];
    const scope = this.openScope(processor, statePath, `${id}/`, { parent: id });
    this.addEdge(id, scope.startId, 'iteration', concurrencyLabel(state));
    return [{ scope, startAt: processor.StartAt }];
  }

  /** The node id of state `name` in `scope`; a DefinitionError when the scope has no such state. */
  private target(scope: Scope, name: string, statePath: readonly string[], field: string): string {
    const id = scope.idsByName.get(name);
    if (id !== undefined) return id;
    const where = scope.statePath.length > 0 ? 'its branch' : 'the state machine';
    throw new DefinitionError([
      {
        severity: 'error',
        code: 'unknown-state',
        workflow: WORKFLOW_NAME,
        statePath,
        message: `${field} "${name}" is not a state of ${where}`,
      },
    ]);
  }
}

/**
 * The graph of a state machine: one node per state plus a Start and End per scope, and an edge
 * per transition (Next, Choices, Default, Catch, Parallel branches, Map processor), in definition
 * order, depth-first. The workflow's TimeoutSeconds shows on the top Start node. Throws
 * DefinitionError when a transition names no state of its scope.
 */
export function toGraph(definition: StateMachine): WorkflowGraph {
  const builder = new GraphBuilder();
  const top = builder.openScope(definition, [], '', {});
  builder.addScope(top, definition.StartAt, summarizeTimeout({ TimeoutSeconds: definition.TimeoutSeconds }));
  return { nodes: builder.nodes, edges: builder.edges };
}
