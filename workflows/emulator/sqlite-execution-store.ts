/**
 * The durable ExecutionStore: SQLite through better-sqlite3, WAL with synchronous=NORMAL (a
 * commit survives the process being killed; the fsync comes with the less frequent checkpoints).
 * Writes are buffered and committed together in one transaction (at most GROUP_COMMIT_MS later,
 * before a read that needs them, or on `flush()`); each execution's new events
 * go in as one row (see sqlite-schema.ts), so a burst of transitions costs one commit and one row.
 * Reads of a single record are served from the buffer when it holds one, without committing.
 * Executions get a small integer id to keep rows short.
 */
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../asl';
import type {
  ActivityRecord,
  ExecutionFilter,
  ExecutionRecord,
  ExecutionStore,
  HistoryEvent,
  ResourceTag,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  StoredEvent,
} from '../engine';
import type { MapRunRecord } from '../engine';
import { SqliteDefinitions } from './sqlite-definitions';
import { SqliteMapRuns } from './sqlite-map-runs';
import { SqliteResources } from './sqlite-resources';
import { SqliteVersions } from './sqlite-versions';
import { decodeEventBatch, encodeEventBatch } from '../engine';
import { EFFECT_CHUNK, prepareStatements, type StoreStatements } from './sqlite-schema';

/** File name of the database inside the data dir. */
export const DATABASE_FILE = 'stepfunctions.sqlite';

/** Page size of a new database: a batch row spans fewer pages, so a commit makes fewer writes. */
const PAGE_SIZE = 16_384;
/**
 * How long writes wait to be committed together. A commit has a fixed cost (about 0.25 ms here)
 * whatever it holds; what must be durable sooner is flushed at once (before a task leaves the
 * process, before an answer that reports it), and anything lost to a kill in between is what a
 * replay derives again.
 */
const GROUP_COMMIT_MS = 10;
/** WAL bytes between automatic checkpoints (SQLite's default is 1,000 pages, 4 MB at its default page size). */
const WAL_CHECKPOINT_BYTES = 40_000_000;

type Row = { body: string };
type KeyedRow = { key: string; body: string };
type BatchRow = { first_id: number; body: string };

/** Events of one execution waiting to be committed, and their keys. */
type PendingEvents = { keys: string[]; events: HistoryEvent[] };

/** An execution row's body: the record, its definition replaced by the id of its `definitions` row (older rows: inline). */
type ExecutionBody = Omit<ExecutionRecord, 'definition'> & { definition?: string; definitionId?: number };

/** ExecutionStore on a SQLite file in `dataDir`. */
export class SqliteExecutionStore implements ExecutionStore {
  private readonly db: Database.Database;
  private readonly machines = new Map<string, StateMachineRecord | null>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly events = new Map<number, PendingEvents>();
  private readonly effects = new Map<number, Map<string, string>>();
  private readonly seqs = new Map<string, number>();
  /** State machines as last read or written (few, and read by every StartExecution); `false`: none has that ARN. */
  private readonly machineCache = new LRUCache<string, StateMachineRecord | false>({ max: 1_000 });
  private readonly definitions: SqliteDefinitions;
  private readonly resources: SqliteResources;
  private readonly versions: SqliteVersions;
  private readonly mapRuns: SqliteMapRuns;
  private nextSeq: number;
  private scheduled = false;
  private readonly sql: StoreStatements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DATABASE_FILE));
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoint (copy the WAL into the database and fsync) every ~40 MB instead of every 4 MB.
    // (A database made before the page size grew keeps its 4 KB pages.)
    this.db.pragma(`wal_autocheckpoint = ${Math.round(WAL_CHECKPOINT_BYTES / (this.db.pragma('page_size', { simple: true }) as number))}`);
    this.sql = prepareStatements(this.db);
    this.definitions = new SqliteDefinitions(this.sql);
    this.resources = new SqliteResources(this.db);
    this.versions = new SqliteVersions(this.db);
    this.mapRuns = new SqliteMapRuns(this.db);
    this.nextSeq = ((this.sql.maxSeq.get() as { seq: number | null }).seq ?? 0) + 1;
  }

  putStateMachine(record: StateMachineRecord): void {
    this.machines.set(record.arn, { ...record });
    this.machineCache.set(record.arn, { ...record });
    this.schedule();
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    let machine = this.machineCache.get(arn);
    if (machine === undefined) {
      const row = this.sql.getMachine.get(arn) as Row | undefined;
      machine = row ? (JSON.parse(row.body) as StateMachineRecord) : false;
      this.machineCache.set(arn, machine);
    }
    return machine === false ? undefined : { ...machine };
  }

  listStateMachines(): StateMachineRecord[] {
    this.flush();
    return (this.sql.listMachines.all() as Row[]).map((row) => JSON.parse(row.body) as StateMachineRecord);
  }

  deleteStateMachine(arn: string): void {
    this.machines.set(arn, null);
    this.machineCache.set(arn, false);
    this.resources.putTags(arn, []);
    this.schedule();
  }

  putActivity(record: ActivityRecord): void {
    this.resources.putActivity(record);
  }

  getActivity(arn: string): ActivityRecord | undefined {
    return this.resources.getActivity(arn);
  }

  listActivities(): ActivityRecord[] {
    return this.resources.listActivities();
  }

  deleteActivity(arn: string): void {
    this.resources.deleteActivity(arn);
  }

  putTags(resourceArn: string, tags: ResourceTag[]): void {
    this.resources.putTags(resourceArn, tags);
  }

  getTags(resourceArn: string): ResourceTag[] {
    return this.resources.getTags(resourceArn);
  }

  putStateMachineVersion(record: StateMachineVersionRecord): void {
    this.flush();
    this.versions.putStateMachineVersion(record);
  }

  getStateMachineVersion(arn: string): StateMachineVersionRecord | undefined {
    return this.versions.getStateMachineVersion(arn);
  }

  listStateMachineVersions(stateMachineArn: string): StateMachineVersionRecord[] {
    return this.versions.listStateMachineVersions(stateMachineArn);
  }

  deleteStateMachineVersion(arn: string): void {
    this.versions.deleteStateMachineVersion(arn);
  }

  putStateMachineAlias(record: StateMachineAliasRecord): void {
    this.flush();
    this.versions.putStateMachineAlias(record);
  }

  getStateMachineAlias(arn: string): StateMachineAliasRecord | undefined {
    return this.versions.getStateMachineAlias(arn);
  }

  listStateMachineAliases(stateMachineArn: string): StateMachineAliasRecord[] {
    return this.versions.listStateMachineAliases(stateMachineArn);
  }

  deleteStateMachineAlias(arn: string): void {
    this.versions.deleteStateMachineAlias(arn);
  }

  putMapRun(record: MapRunRecord): void {
    this.mapRuns.putMapRun(record);
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    return this.mapRuns.getMapRun(arn);
  }

  listMapRuns(executionArn: string): MapRunRecord[] {
    return this.mapRuns.listMapRuns(executionArn);
  }

  putExecution(record: ExecutionRecord): void {
    this.seqOf(record.arn);
    this.executions.set(record.arn, { ...record });
    this.schedule();
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const pending = this.executions.get(arn);
    if (pending) return { ...pending };
    const row = this.sql.getExecution.get(arn) as Row | undefined;
    return row && this.executionOf(row);
  }

  listExecutions(filter: ExecutionFilter = {}): ExecutionRecord[] {
    this.flush();
    const rows = this.sql.listExecutions.all({ machine: filter.stateMachineArn ?? null, status: filter.status ?? null }) as Row[];
    return rows.map((row) => this.executionOf(row));
  }

  appendEvent(executionArn: string, key: string, event: HistoryEvent): void {
    const seq = this.seqOf(executionArn);
    let pending = this.events.get(seq);
    if (!pending) {
      pending = { keys: [], events: [] };
      this.events.set(seq, pending);
    }
    // Events are never changed once recorded, so they are serialised at commit, all in one call.
    pending.keys.push(key);
    pending.events.push(event);
    this.schedule();
  }

  listEvents(executionArn: string): StoredEvent[] {
    const seq = this.seqOf(executionArn);
    if (this.events.has(seq)) this.flush();
    const stored: StoredEvent[] = (this.sql.listEventRows.all(seq) as KeyedRow[]).map((row) => ({
      key: row.key,
      event: JSON.parse(row.body) as HistoryEvent,
    }));
    const legacy = stored.length;
    for (const row of this.sql.listEventBatches.all(seq) as BatchRow[]) decodeEventBatch(row.body, row.first_id, stored);
    return legacy ? stored.sort((a, b) => a.event.id - b.event.id) : stored;
  }

  putEffect(executionArn: string, key: string, value: JsonValue): void {
    const seq = this.seqOf(executionArn);
    let pending = this.effects.get(seq);
    if (!pending) {
      pending = new Map();
      this.effects.set(seq, pending);
    }
    pending.set(key, JSON.stringify(value));
    this.schedule();
  }

  listEffects(executionArn: string): Map<string, JsonValue> {
    const seq = this.seqOf(executionArn);
    if (this.effects.has(seq)) this.flush();
    const rows = this.sql.listEffects.all(seq) as KeyedRow[];
    return new Map(rows.map((row) => [row.key, JSON.parse(row.body) as JsonValue]));
  }

  /** Commits every buffered write in one transaction. */
  flush(): void {
    if (!this.machines.size && !this.executions.size && !this.events.size && !this.effects.size) return;
    const machines = [...this.machines];
    const executions = [...this.executions.values()];
    const events = [...this.events];
    const effects: unknown[] = [];
    for (const [seq, values] of this.effects) for (const [key, body] of values) effects.push(seq, key, body);
    this.machines.clear();
    this.executions.clear();
    this.events.clear();
    this.effects.clear();
    this.db.transaction(() => {
      for (const [arn, record] of machines) {
        if (record) this.sql.putMachine.run(arn, JSON.stringify(record));
        else this.sql.deleteMachine.run(arn);
      }
      for (const record of executions) {
        const body: ExecutionBody = { ...record, definition: undefined, definitionId: this.definitions.idOf(record.definition) };
        this.sql.putExecution.run(this.seqOf(record.arn), record.arn, record.stateMachineArn, record.status, JSON.stringify(body));
      }
      for (const [seq, { keys, events: appended }] of events)
        this.sql.putEventBatch.run(seq, appended[0].id, encodeEventBatch(keys, appended));
      this.insertEffects(effects);
    })();
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }

  private executionOf(row: Row): ExecutionRecord {
    const { definitionId, definition, ...record } = JSON.parse(row.body) as ExecutionBody;
    return { ...record, definition: definitionId === undefined ? (definition ?? '') : this.definitions.textOf(definitionId) };
  }

  private insertEffects(values: unknown[]): void {
    const width = 3 * EFFECT_CHUNK;
    let offset = 0;
    for (; offset + width <= values.length; offset += width) this.sql.effectChunk.run(values.slice(offset, offset + width));
    for (; offset < values.length; offset += 3) this.sql.effect.run(values.slice(offset, offset + 3));
  }

  /** The integer id of an execution (assigned on first sight, before its row is written). */
  private seqOf(arn: string): number {
    let seq = this.seqs.get(arn);
    if (seq === undefined) {
      const row = this.sql.seqOf.get(arn) as { seq: number } | undefined;
      seq = row ? row.seq : this.nextSeq++;
      this.seqs.set(arn, seq);
    }
    return seq;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (this.db.open) this.flush();
    }, GROUP_COMMIT_MS);
  }
}
