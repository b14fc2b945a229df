import type { Diagnostic, Severity } from '../diagnostic';

/** What a check reports: a Diagnostic before checkDefinition attaches the workflow name and source location. */
export type Finding = Pick<Diagnostic, 'severity' | 'code' | 'statePath' | 'message'>;

/** Builds a finding; checks report errors unless they say otherwise. */
export function finding(code: string, statePath: readonly string[], message: string, severity: Severity = 'error'): Finding {
  return { severity, code, statePath, message };
}
