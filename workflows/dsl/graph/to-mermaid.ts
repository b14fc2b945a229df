import { claimUniqueId } from './claim-unique-id';
import { escapeMermaidText } from './escape-mermaid-text';
import { MERMAID_NODE_STYLES } from './mermaid-node-styles';
import { mermaidSlug } from './mermaid-slug';
import type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeType, WorkflowGraph } from './workflow-graph';

const INDENT = '  ';

/** The arrow drawn for each edge kind: catches dotted, Map iterations thick. */
const ARROWS: Record<GraphEdgeKind, string> = {
  next: '-->',
  choice: '-->',
  default: '-->',
  catch: '-.->',
  branch: '-->',
  iteration: '==>',
};

/** A Parallel branch or Map processor: the nodes drawn inside one subgraph. */
type ChildScope = { key: string; parent: GraphNode; branch?: number };

/** Writes the graph as Mermaid text, tracking the Mermaid ids handed out so they stay unique. */
class MermaidWriter {
  readonly lines: string[] = ['flowchart TD'];
  private readonly taken = new Set<string>();
  private readonly ids = new Map<string, string>();
  private readonly scopes = new Map<string, GraphNode[]>();
  private readonly children = new Map<string, ChildScope[]>();

  /** Groups nodes by the scope they are drawn in ('' for the top level, or a missing parent). */
  constructor(private readonly graph: WorkflowGraph) {
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    for (const node of graph.nodes) {
      this.idOf(node.id);
      const parent = node.parent === undefined ? undefined : byId.get(node.parent);
      const key = parent === undefined ? '' : JSON.stringify([parent.id, node.branch ?? null]);
      const members = this.scopes.get(key);
      if (members !== undefined) {
        members.push(node);
      } else {
        this.scopes.set(key, [node]);
        if (parent !== undefined) {
          const siblings = this.children.get(parent.id) ?? [];
          this.children.set(parent.id, [...siblings, { key, parent, branch: node.branch }]);
        }
      }
    }
  }

  write(): string {
    this.writeScope('', 1);
    for (const edge of this.graph.edges) this.writeEdge(edge);
    const used = new Set<GraphNodeType>(this.graph.nodes.map((node) => node.type));
    for (const [type, style] of Object.entries(MERMAID_NODE_STYLES)) {
      if (used.has(type as GraphNodeType)) this.lines.push(`${INDENT}classDef ${style.className} ${style.classDef}`);
    }
    return `${this.lines.join('\n')}\n`;
  }

  /** The stable Mermaid id for a graph node id: `n_` + its slug, suffixed `_2`, `_3`… on a clash. */
  private idOf(graphId: string): string {
    const known = this.ids.get(graphId);
    if (known !== undefined) return known;
    const slug = mermaidSlug(graphId);
    const id = claimUniqueId(this.taken, slug === '' ? 'n' : `n_${slug}`, '_');
    this.ids.set(graphId, id);
    return id;
  }

  /** Each node of a scope, followed by the subgraphs of its branches or processor. */
  private writeScope(key: string, depth: number): void {
    const indent = INDENT.repeat(depth);
    for (const node of this.scopes.get(key) ?? []) {
      const style = MERMAID_NODE_STYLES[node.type];
      const label = `"${escapeMermaidText(node.name)}"`;
      this.lines.push(`${indent}${this.idOf(node.id)}${style.open}${label}${style.close}:::${style.className}`);
      for (const child of this.children.get(node.id) ?? []) this.writeSubgraph(child, depth);
    }
  }

  private writeSubgraph({ key, parent, branch }: ChildScope, depth: number): void {
    const indent = INDENT.repeat(depth);
    const scopePath = branch === undefined ? parent.id : `${parent.id}/${branch}`;
    const id = claimUniqueId(this.taken, `g_${mermaidSlug(scopePath)}`, '_');
    const title = branch === undefined ? `${parent.name} · each item` : `${parent.name} · branch ${branch + 1}`;
    this.lines.push(`${indent}subgraph ${id} ["${escapeMermaidText(title)}"]`);
    this.writeScope(key, depth + 1);
    this.lines.push(`${indent}end`);
  }

  private writeEdge(edge: GraphEdge): void {
    const label = edge.label ?? (edge.kind === 'default' ? 'default' : undefined);
    const arrow = label === undefined ? ARROWS[edge.kind] : `${ARROWS[edge.kind]}|"${escapeMermaidText(label)}"|`;
    this.lines.push(`${INDENT}${this.idOf(edge.from)} ${arrow} ${this.idOf(edge.to)}`);
  }
}

/**
 * A Mermaid `flowchart TD` of the graph: a subgraph per Parallel branch and Map processor, a shape
 * and classDef per node type, labelled edges, escaped names and stable ids. Deterministic.
 * https://mermaid.js.org/syntax/flowchart.html
 */
export function toMermaid(graph: WorkflowGraph): string {
  return new MermaidWriter(graph).write();
}
