/** A problem found while compiling or validating a definition, located at a state and a source line. */
export type Severity = 'error' | 'warning';

export type Diagnostic = {
  severity: Severity;
  /** Stable kebab-case identifier of the check, e.g. `unreachable-state`. */
  code: string;
  /** The workflow's name, or the file name for raw ASL. */
  workflow: string;
  /** State names from the top level down to the state concerned; empty for the whole definition. */
  statePath: readonly string[];
  /** `file:line` of the builder call that created the state, when known. */
  location?: string;
  message: string;
};

/**
 * One line per diagnostic, e.g.
 * `workflows/definitions/deploy-service.ts:42 deploy-service › Approve release: HeartbeatSeconds (600) must be less than TimeoutSeconds (300)`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.workflow, ...diagnostic.statePath].join(' › ');
  const prefix = diagnostic.location ? `${diagnostic.location} ` : '';
  const severity = diagnostic.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${where}: ${severity}${diagnostic.message}`;
}

/** Whether any diagnostic is an error (warnings do not stop a compile). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
