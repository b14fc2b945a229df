/** Runs checkDefinition the way the tests need it, and builds the diagnostics they expect. */
import type { Diagnostic } from '../../../../workflows/dsl/diagnostic';
import { checkDefinition } from '../../../../workflows/dsl/checks/check-definition';

export const WORKFLOW = 'deploy-service';

export const LAMBDA = 'arn:aws:states:::lambda:invoke';

/** Every diagnostic for `definition`, or only those with `code`. */
export function diagnose(definition: unknown, code?: string): Diagnostic[] {
  const all = checkDefinition(definition, { workflow: WORKFLOW });
  return code === undefined ? all : all.filter((d) => d.code === code);
}

/** A machine whose StartAt is its first state. */
export function machine(states: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], ...top, States: states };
}

/** A Parallel branch or Map processor whose StartAt is its first state. */
export function scope(states: Record<string, unknown>): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], States: states };
}

/** The error diagnostic a check should produce. */
export function error(code: string, statePath: readonly string[], message: string): Diagnostic {
  return { severity: 'error', code, workflow: WORKFLOW, statePath, message };
}

/** The warning diagnostic a check should produce. */
export function warning(code: string, statePath: readonly string[], message: string): Diagnostic {
  return { severity: 'warning', code, workflow: WORKFLOW, statePath, message };
}
