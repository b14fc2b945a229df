/**
 * The durable ExecutionStore: SQLite through better-sqlite3, WAL with synchronous=NORMAL.
 * Writes are buffered and committed together in one transaction (at the end of the current turn
 * of the event loop, before any read, or on `flush()`), events in multi-row INSERTs, so a burst
 * of transitions costs one commit. Executions get a small integer id to keep event rows short.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../asl';
import type { ExecutionFilter, ExecutionRecord, ExecutionStore, StateMachineRecord, StoredEvent } from '../engine';

/** File name of the database inside the data dir. */
export const DATABASE_FILE = 'stepfunctions.sqlite';

/** Rows per multi-row INSERT. */
const CHUNK = 100;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS state_machines (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS executions (
    seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn);
  CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
  CREATE TABLE IF NOT EXISTS events (
    exec INTEGER NOT NULL, id INTEGER NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec, id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS effects (
    exec INTEGER NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec, key)) WITHOUT ROWID;
`;

type Row = { body: string };
type KeyedRow = { key: string; body: string };

function multiRow(db: Database.Database, table: string, columns: number, rows: number, verb = 'INSERT OR REPLACE'): Database.Statement {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return db.prepare(`${verb} INTO ${table} VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`);
}

/** ExecutionStore on a SQLite file in `dataDir`. */
export class SqliteExecutionStore implements ExecutionStore {
  private readonly db: Database.Database;
  private readonly machines = new Map<string, StateMachineRecord | null>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private events: unknown[] = [];
  private readonly effects = new Map<string, [number, string, string]>();
  private readonly seqs = new Map<string, number>();
  private nextSeq: number;
  private scheduled = false;
  private readonly sql;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DATABASE_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.nextSeq = ((db.prepare('SELECT MAX(seq) AS seq FROM executions').get() as { seq: number | null }).seq ?? 0) + 1;
    this.sql = {
      putMachine: db.prepare('INSERT OR REPLACE INTO state_machines (arn, body) VALUES (?, ?)'),
      deleteMachine: db.prepare('DELETE FROM state_machines WHERE arn = ?'),
      getMachine: db.prepare('SELECT body FROM state_machines WHERE arn = ?'),
      listMachines: db.prepare('SELECT body FROM state_machines'),
      putExecution: db.prepare(
        'INSERT INTO executions (seq, arn, state_machine_arn, status, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (arn) DO UPDATE SET status = excluded.status, body = excluded.body',
      ),
      getExecution: db.prepare('SELECT body FROM executions WHERE arn = ?'),
      seqOf: db.prepare('SELECT seq FROM executions WHERE arn = ?'),
      listExecutions: db.prepare('SELECT body FROM executions WHERE (@machine IS NULL OR state_machine_arn = @machine) AND (@status IS NULL OR status = @status)'),
      listEvents: db.prepare('SELECT key, body FROM events WHERE exec = ? ORDER BY id'),
      listEffects: db.prepare('SELECT key, body FROM effects WHERE exec = ?'),
      eventChunk: multiRow(db, 'events', 4, CHUNK, 'INSERT OR IGNORE'),
      event: multiRow(db, 'events', 4, 1, 'INSERT OR IGNORE'),
      effectChunk: multiRow(db, 'effects', 3, CHUNK),
      effect: multiRow(db, 'effects', 3, 1),
    };
  }

  putStateMachine(record: StateMachineRecord): void {
    this.machines.set(record.arn, { ...record });
    this.schedule();
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    this.flush();
    const row = this.sql.getMachine.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as StateMachineRecord);
  }

  listStateMachines(): StateMachineRecord[] {
    this.flush();
    return (this.sql.listMachines.all() as Row[]).map((row) => JSON.parse(row.body) as StateMachineRecord);
  }

  deleteStateMachine(arn: string): void {
    this.machines.set(arn, null);
    this.schedule();
  }

  putExecution(record: ExecutionRecord): void {
    this.seqOf(record.arn);
    this.executions.set(record.arn, { ...record });
    this.schedule();
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    this.flush();
    const row = this.sql.getExecution.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as ExecutionRecord);
  }

  listExecutions(filter: ExecutionFilter = {}): ExecutionRecord[] {
    this.flush();
    const rows = this.sql.listExecutions.all({ machine: filter.stateMachineArn ?? null, status: filter.status ?? null }) as Row[];
    return rows.map((row) => JSON.parse(row.body) as ExecutionRecord);
  }

  appendEvents(executionArn: string, events: StoredEvent[]): void {
    const seq = this.seqOf(executionArn);
    for (const { key, event } of events) this.events.push(seq, event.id, key, JSON.stringify(event));
    this.schedule();
  }

  listEvents(executionArn: string): StoredEvent[] {
    this.flush();
    return (this.sql.listEvents.all(this.seqOf(executionArn)) as KeyedRow[]).map((row) => ({ key: row.key, event: JSON.parse(row.body) as StoredEvent['event'] }));
  }

  putEffect(executionArn: string, key: string, value: JsonValue): void {
    const seq = this.seqOf(executionArn);
    this.effects.set(`${seq}\u0000${key}`, [seq, key, JSON.stringify(value)]);
    this.schedule();
  }

  listEffects(executionArn: string): Map<string, JsonValue> {
    this.flush();
    const rows = this.sql.listEffects.all(this.seqOf(executionArn)) as KeyedRow[];
    return new Map(rows.map((row) => [row.key, JSON.parse(row.body) as JsonValue]));
  }

  /** Commits every buffered write in one transaction. */
  flush(): void {
    if (!this.machines.size && !this.executions.size && !this.events.length && !this.effects.size) return;
    const machines = [...this.machines];
    const executions = [...this.executions.values()];
    const events = this.events;
    const effects = [...this.effects.values()].flat();
    this.machines.clear();
    this.executions.clear();
    this.events = [];
    this.effects.clear();
    this.db.transaction(() => {
      for (const [arn, record] of machines) {
        if (record) this.sql.putMachine.run(arn, JSON.stringify(record));
        else this.sql.deleteMachine.run(arn);
      }
      for (const record of executions) {
        this.sql.putExecution.run(this.seqOf(record.arn), record.arn, record.stateMachineArn, record.status, JSON.stringify(record));
      }
      this.insert(events, 4, this.sql.eventChunk, this.sql.event);
      this.insert(effects, 3, this.sql.effectChunk, this.sql.effect);
    })();
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }

  private insert(values: unknown[], columns: number, chunk: Database.Statement, single: Database.Statement): void {
    const width = columns * CHUNK;
    let offset = 0;
    for (; offset + width <= values.length; offset += width) chunk.run(values.slice(offset, offset + width));
    for (; offset < values.length; offset += columns) single.run(values.slice(offset, offset + columns));
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
    setImmediate(() => {
      this.scheduled = false;
      if (this.db.open) this.flush();
    });
  }
}
