/**
 * Workflow variables of one scope. AWS: a Map iteration or Parallel branch sees the variables of
 * the scopes around it read-only; what it assigns stays in its own frame.
 * https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html#variable-scope
 */
import type { JsonValue } from '../asl';

type Snapshot = Readonly<Record<string, JsonValue>>;

const EMPTY: Snapshot = Object.freeze({});

/** Variables assigned in one scope, falling back to the enclosing scopes for reads. */
export class VariableFrame {
  /** Created on the first assignment: most frames (Map iterations, parked runs) never assign. */
  private own: Map<string, JsonValue> | undefined;
  private cached: { parent: Snapshot; merged: Snapshot } | undefined;

  constructor(private readonly parent?: VariableFrame) {}

  /** A frame for a nested scope (Map iteration, Parallel branch). */
  child(): VariableFrame {
    return new VariableFrame(this);
  }

  /** Assigns all `values` at once (each was evaluated against the values before this call). */
  assign(values: Snapshot): void {
    const names = Object.keys(values);
    if (!names.length) return;
    const own = (this.own ??= new Map());
    for (const name of names) own.set(name, values[name]);
    this.cached = undefined;
  }

  /** Every variable visible here, inner scopes shadowing outer ones (a cached, frozen object). */
  visible(): Snapshot {
    const parent = this.parent ? this.parent.visible() : EMPTY;
    if (!this.own) return parent;
    if (this.cached && this.cached.parent === parent) return this.cached.merged;
    const merged: Record<string, JsonValue> = { ...parent };
    for (const [name, value] of this.own) merged[name] = value;
    this.cached = { parent, merged: Object.freeze(merged) };
    return this.cached.merged;
  }
}
