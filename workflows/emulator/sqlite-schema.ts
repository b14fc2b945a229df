/**
 * The SQLite schema of the durable store and its prepared statements. History events are written
 * in batches: one `event_batches` row per execution per commit (its format: event-batch.ts), so a
 * burst of transitions costs one row instead of one per event. Rows of
 * the older one-row-per-event `events` table are still read. Definitions are stored once in
 * `definitions` and executions refer to theirs by `definitionId`, so starting an execution or
 * changing its status writes a short row (older rows keep the definition in their body).
 */
import type Database from 'better-sqlite3';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS state_machines (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS executions (
    seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn);
  CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
  CREATE TABLE IF NOT EXISTS events (
    exec INTEGER NOT NULL, id INTEGER NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec, id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS event_batches (exec INTEGER NOT NULL, first_id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec, first_id));
  CREATE TABLE IF NOT EXISTS definitions (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS effects (
    exec INTEGER NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec, key)) WITHOUT ROWID;
`;

/** Rows per multi-row INSERT of effects. */
export const EFFECT_CHUNK = 100;

function multiRow(db: Database.Database, table: string, columns: number, rows: number): Database.Statement {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return db.prepare(`INSERT OR REPLACE INTO ${table} VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`);
}

/** Creates (or upgrades) the schema of `db` and prepares the store's statements. */
export function prepareStatements(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    maxSeq: db.prepare('SELECT MAX(seq) AS seq FROM executions'),
    putMachine: db.prepare('INSERT OR REPLACE INTO state_machines (arn, body) VALUES (?, ?)'),
    deleteMachine: db.prepare('DELETE FROM state_machines WHERE arn = ?'),
    getMachine: db.prepare('SELECT body FROM state_machines WHERE arn = ?'),
    listMachines: db.prepare('SELECT body FROM state_machines'),
    putExecution: db.prepare(
      'INSERT INTO executions (seq, arn, state_machine_arn, status, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (arn) DO UPDATE SET status = excluded.status, body = excluded.body',
    ),
    putDefinition: db.prepare('INSERT INTO definitions (body) VALUES (?)'),
    getDefinition: db.prepare('SELECT body FROM definitions WHERE id = ?'),
    getExecution: db.prepare('SELECT body FROM executions WHERE arn = ?'),
    seqOf: db.prepare('SELECT seq FROM executions WHERE arn = ?'),
    listExecutions: db.prepare(
      'SELECT body FROM executions WHERE (@machine IS NULL OR state_machine_arn = @machine) AND (@status IS NULL OR status = @status)',
    ),
    listEventRows: db.prepare('SELECT key, body FROM events WHERE exec = ? ORDER BY id'),
    listEventBatches: db.prepare('SELECT first_id, body FROM event_batches WHERE exec = ? ORDER BY first_id'),
    putEventBatch: db.prepare('INSERT OR IGNORE INTO event_batches (exec, first_id, body) VALUES (?, ?, ?)'),
    listEffects: db.prepare('SELECT key, body FROM effects WHERE exec = ?'),
    effectChunk: multiRow(db, 'effects', 3, EFFECT_CHUNK),
    effect: multiRow(db, 'effects', 3, 1),
  };
}

/** The store's prepared statements. */
export type StoreStatements = ReturnType<typeof prepareStatements>;
