/**
 * Recently described runs, so a status poll need not ask Step Functions again when nothing changed.
 *
 * A SUCCEEDED run never changes (only failed, timed-out and aborted runs can be redriven), so its
 * snapshot is always served again. Any other snapshot is kept only when the stack reports every
 * change (`tracksChanges`: locally the engine reports each history append and status change, and
 * the approvals module each request and decision); it is then served until `changed()` names its
 * execution. A read that overlaps a change never stores what it read, so a snapshot is never older
 * than the last change. On AWS nothing reports changes to the API, so only final runs are kept.
 */
import type { PublicApproval } from '../approvals/public-approval';
import { runIdOf } from '../catalogue/workflow-catalogue';
import type { RunDetails } from './describe-run';

/** A described run and its pending approvals. */
export type RunSnapshot = { details: RunDetails; pendingApprovals: PublicApproval[] };

/** How the cache is used; `capacity` bounds both the snapshots and the remembered changes. */
export type RunSnapshotsOptions = { tracksChanges: boolean; capacity?: number };

const DEFAULT_CAPACITY = 10_000;

export class RunSnapshots {
  readonly tracksChanges: boolean;
  private readonly capacity: number;
  private readonly snapshots = new Map<string, RunSnapshot>();
  /** Execution ARN → sequence number of its latest change, oldest first. */
  private readonly changes = new Map<string, number>();
  private sequence = 0;
  /** The newest change forgotten to stay within capacity: reads older than it cannot be trusted. */
  private forgottenUpTo = 0;

  constructor({ tracksChanges, capacity = DEFAULT_CAPACITY }: RunSnapshotsOptions) {
    this.tracksChanges = tracksChanges;
    this.capacity = capacity;
  }

  /** Something about this execution changed: drop its snapshot and refuse reads that started before. */
  readonly changed = (executionArn: string): void => {
    const sequence = ++this.sequence;
    this.changes.delete(executionArn);
    this.changes.set(executionArn, sequence);
    if (this.changes.size > this.capacity) {
      const [oldest, at] = this.changes.entries().next().value as [string, number];
      this.changes.delete(oldest);
      this.forgottenUpTo = at;
    }
    const runId = runIdOf(executionArn);
    if (this.snapshots.get(runId)?.details.executionArn === executionArn) this.snapshots.delete(runId);
  };

  /** The run's snapshot, or a new one from `load` (stored only if nothing about the run changed meanwhile). */
  async read(runId: string, load: () => Promise<RunSnapshot>): Promise<RunSnapshot> {
    const cached = this.snapshots.get(runId);
    if (cached) return cached;
    const startedAt = this.sequence;
    const snapshot = await load();
    if (this.keeps(snapshot) && !this.changedSince(snapshot.details.executionArn, startedAt)) this.store(runId, snapshot);
    return snapshot;
  }

  private keeps({ details }: RunSnapshot): boolean {
    return details.status === 'SUCCEEDED' || this.tracksChanges;
  }

  private changedSince(executionArn: string, sequence: number): boolean {
    return (this.changes.get(executionArn) ?? 0) > sequence || this.forgottenUpTo > sequence;
  }

  private store(runId: string, snapshot: RunSnapshot): void {
    this.snapshots.delete(runId);
    this.snapshots.set(runId, snapshot);
    if (this.snapshots.size > this.capacity) this.snapshots.delete(this.snapshots.keys().next().value as string);
  }
}
