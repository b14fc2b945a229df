/** An ExecutionStore in memory: for tests, `statecraft run` and servers without a data dir. */
import type { JsonValue } from '../../asl';
import type { ExecutionFilter, ExecutionRecord, ExecutionStore, StateMachineRecord, StoredEvent } from '../execution-store';
import type { HistoryEvent } from '../history-event';
import type { MapRunRecord } from '../map-runs/map-run-record';
import { decodeEventBatch, encodeEventBatch } from './event-batch';
import type { ActivityRecord, ResourceTag } from '../resource-store';
import type { StateMachineAliasRecord, StateMachineVersionRecord } from '../state-machine-versions';

/** Events of a full chunk are kept as one text (event-batch.ts), the rest as they came. */
const EVENTS_PER_CHUNK = 256;

/**
 * One execution's history. Histories are kept for good and a busy process appends millions of
 * events: as objects they made the garbage collector's work grow with every run, as text they cost
 * it nothing (and a third of the memory).
 */
type EventLog = { chunks: { firstId: number; body: string }[]; keys: string[]; events: HistoryEvent[] };

/** Keeps everything in Maps; `flush()` has nothing to do. */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly stateMachines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly events = new Map<string, EventLog>();
  private readonly effects = new Map<string, Map<string, JsonValue>>();
  private readonly activities = new Map<string, ActivityRecord>();
  private readonly tags = new Map<string, ResourceTag[]>();
  private readonly versions = new Map<string, StateMachineVersionRecord>();
  private readonly aliases = new Map<string, StateMachineAliasRecord>();
  private readonly mapRuns = new Map<string, MapRunRecord>();

  putStateMachine(record: StateMachineRecord): void {
    this.stateMachines.set(record.arn, { ...record });
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    const record = this.stateMachines.get(arn);
    return record && { ...record };
  }

  listStateMachines(): StateMachineRecord[] {
    return [...this.stateMachines.values()].map((record) => ({ ...record }));
  }

  deleteStateMachine(arn: string): void {
    this.stateMachines.delete(arn);
    this.tags.delete(arn);
  }

  putActivity(record: ActivityRecord): void {
    this.activities.set(record.arn, { ...record });
  }

  getActivity(arn: string): ActivityRecord | undefined {
    const record = this.activities.get(arn);
    return record && { ...record };
  }

  listActivities(): ActivityRecord[] {
    return [...this.activities.values()].map((record) => ({ ...record }));
  }

  deleteActivity(arn: string): void {
    this.activities.delete(arn);
    this.tags.delete(arn);
  }

  putTags(resourceArn: string, tags: ResourceTag[]): void {
    if (tags.length)
      this.tags.set(
        resourceArn,
        tags.map((tag) => ({ ...tag })),
      );
    else this.tags.delete(resourceArn);
  }

  getTags(resourceArn: string): ResourceTag[] {
    return (this.tags.get(resourceArn) ?? []).map((tag) => ({ ...tag }));
  }

  putStateMachineVersion(record: StateMachineVersionRecord): void {
    this.versions.set(record.arn, { ...record });
  }

  getStateMachineVersion(arn: string): StateMachineVersionRecord | undefined {
    const record = this.versions.get(arn);
    return record && { ...record };
  }

  listStateMachineVersions(stateMachineArn: string): StateMachineVersionRecord[] {
    return [...this.versions.values()].filter((record) => record.stateMachineArn === stateMachineArn).map((record) => ({ ...record }));
  }

  deleteStateMachineVersion(arn: string): void {
    this.versions.delete(arn);
  }

  putStateMachineAlias(record: StateMachineAliasRecord): void {
    this.aliases.set(record.arn, { ...record, routingConfiguration: record.routingConfiguration.map((route) => ({ ...route })) });
  }

  getStateMachineAlias(arn: string): StateMachineAliasRecord | undefined {
    const record = this.aliases.get(arn);
    return record && { ...record, routingConfiguration: record.routingConfiguration.map((route) => ({ ...route })) };
  }

  listStateMachineAliases(stateMachineArn: string): StateMachineAliasRecord[] {
    return [...this.aliases.keys()].flatMap((arn) => {
      const record = this.getStateMachineAlias(arn);
      return record && record.stateMachineArn === stateMachineArn ? [record] : [];
    });
  }

  deleteStateMachineAlias(arn: string): void {
    this.aliases.delete(arn);
  }

  putMapRun(record: MapRunRecord): void {
    this.mapRuns.set(record.arn, { ...record });
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    const record = this.mapRuns.get(arn);
    return record && { ...record };
  }

  listMapRuns(executionArn: string): MapRunRecord[] {
    return [...this.mapRuns.values()].filter((record) => record.executionArn === executionArn).map((record) => ({ ...record }));
  }

  putExecution(record: ExecutionRecord): void {
    this.executions.set(record.arn, { ...record });
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const record = this.executions.get(arn);
    return record && { ...record };
  }

  listExecutions(filter: ExecutionFilter = {}): ExecutionRecord[] {
    const out: ExecutionRecord[] = [];
    for (const record of this.executions.values()) {
      if (filter.stateMachineArn && record.stateMachineArn !== filter.stateMachineArn) continue;
      if (filter.status && record.status !== filter.status) continue;
      out.push({ ...record });
    }
    return out;
  }

  appendEvent(executionArn: string, key: string, event: HistoryEvent): void {
    let log = this.events.get(executionArn);
    if (!log) {
      log = { chunks: [], keys: [], events: [] };
      this.events.set(executionArn, log);
    }
    log.keys.push(key);
    log.events.push(event);
    if (log.events.length >= EVENTS_PER_CHUNK) {
      log.chunks.push({ firstId: log.events[0].id, body: encodeEventBatch(log.keys, log.events) });
      log.keys = [];
      log.events = [];
    }
  }

  listEvents(executionArn: string): StoredEvent[] {
    const log = this.events.get(executionArn);
    if (!log) return [];
    const stored: StoredEvent[] = [];
    for (const { firstId, body } of log.chunks) decodeEventBatch(body, firstId, stored);
    log.events.forEach((event, index) => stored.push({ key: log.keys[index], event }));
    return stored;
  }

  putEffect(executionArn: string, key: string, value: JsonValue): void {
    const map = this.effects.get(executionArn);
    if (map) map.set(key, value);
    else this.effects.set(executionArn, new Map([[key, value]]));
  }

  listEffects(executionArn: string): Map<string, JsonValue> {
    return new Map(this.effects.get(executionArn) ?? []);
  }

  flush(): void {}

  close(): void {}
}
