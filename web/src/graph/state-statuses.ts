/**
 * A run's status per state, for colouring the graph: the visits the history reader found, folded
 * by state name (a state in a Map is visited once per item). States never visited are not reached.
 */
import type { StateVisit, VisitStatus } from '../../../api/history/history-reader';

/** What a node shows. */
export type StateStatus = VisitStatus | 'retried' | 'not-reached';

/** A state's status, how many times it was visited and retried, and its last error. */
export type StateSummary = { status: StateStatus; visits: number; retries: number; error?: string; cause?: string };

/** Which status wins when a state has several visits (a Map's items): what needs attention first. */
const PRECEDENCE: readonly VisitStatus[] = ['waiting-for-approval', 'running', 'failed', 'aborted', 'caught', 'succeeded'];

/** Folds `visits` by state name. */
export function stateStatuses(visits: readonly StateVisit[]): Map<string, StateSummary> {
  const byName = new Map<string, StateVisit[]>();
  for (const visit of visits) byName.set(visit.name, [...(byName.get(visit.name) ?? []), visit]);
  const summaries = new Map<string, StateSummary>();
  for (const [name, group] of byName) {
    const worst = PRECEDENCE.find((status) => group.some((visit) => visit.status === status)) ?? 'succeeded';
    const retries = group.reduce((sum, visit) => sum + visit.retries, 0);
    const failed = [...group].reverse().find((visit) => visit.error !== undefined);
    const status: StateStatus = worst === 'succeeded' && retries > 0 ? 'retried' : worst;
    summaries.set(name, {
      status,
      visits: group.length,
      retries,
      ...(failed?.error ? { error: failed.error } : {}),
      ...(failed?.cause ? { cause: failed.cause } : {}),
    });
  }
  return summaries;
}

/** The status of one node: its summary's, or not reached. */
export function statusOf(summaries: ReadonlyMap<string, StateSummary>, name: string): StateStatus {
  return summaries.get(name)?.status ?? 'not-reached';
}
