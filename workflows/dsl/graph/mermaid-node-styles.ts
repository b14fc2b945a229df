import type { GraphNodeType } from './workflow-graph';

/** How one node type is drawn: the shape's delimiters around the quoted label, and its class. */
export type MermaidNodeStyle = { open: string; close: string; className: string; classDef: string };

/**
 * The Mermaid shape and class of each node type, in the order classDefs are written: Start/End
 * circles, Choice rhombus, Succeed/Fail stadiums, Parallel/Map subroutines, Wait hexagon.
 */
export const MERMAID_NODE_STYLES = {
  Start: { open: '((', close: '))', className: 'typeStart', classDef: 'fill:#e0f2fe,stroke:#0369a1' },
  End: { open: '((', close: '))', className: 'typeEnd', classDef: 'fill:#e0f2fe,stroke:#0369a1' },
  Pass: { open: '(', close: ')', className: 'typePass', classDef: 'fill:#f3f4f6,stroke:#6b7280' },
  Task: { open: '[', close: ']', className: 'typeTask', classDef: 'fill:#eef2ff,stroke:#4f46e5' },
  Choice: { open: '{', close: '}', className: 'typeChoice', classDef: 'fill:#fef3c7,stroke:#d97706' },
  Wait: { open: '{{', close: '}}', className: 'typeWait', classDef: 'fill:#f5f3ff,stroke:#7c3aed' },
  Succeed: { open: '([', close: '])', className: 'typeSucceed', classDef: 'fill:#dcfce7,stroke:#16a34a' },
  Fail: { open: '([', close: '])', className: 'typeFail', classDef: 'fill:#fee2e2,stroke:#dc2626' },
  Parallel: { open: '[[', close: ']]', className: 'typeParallel', classDef: 'fill:#ecfeff,stroke:#0891b2' },
  Map: { open: '[[', close: ']]', className: 'typeMap', classDef: 'fill:#fdf4ff,stroke:#c026d3' },
} as const satisfies Record<GraphNodeType, MermaidNodeStyle>;
