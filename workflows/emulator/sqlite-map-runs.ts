/**
 * Map Runs in the SQLite store: one row each, keyed by ARN and indexed by the execution that
 * started it. A run is written when it starts, when UpdateMapRun changes it and when it ends, so
 * each write commits at once instead of joining the store's buffered transaction (a replay after a
 * restart reads the run to continue it with the settings it had).
 */
import type Database from 'better-sqlite3';
import type { MapRunRecord, MapRunStore } from '../engine';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS map_runs (arn TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, started_at INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS map_runs_by_execution ON map_runs (execution_arn, started_at);
`;

type Row = { body: string };

function prepare(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    // An upsert keeps the row (and its rowid, the listing's tie-break) when a run is updated.
    put: db.prepare(
      'INSERT INTO map_runs (arn, execution_arn, started_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (arn) DO UPDATE SET body = excluded.body',
    ),
    get: db.prepare('SELECT body FROM map_runs WHERE arn = ?'),
    list: db.prepare('SELECT body FROM map_runs WHERE execution_arn = ? ORDER BY started_at, rowid'),
  };
}

/** The MapRunStore half of SqliteExecutionStore, on the same database. */
export class SqliteMapRuns implements MapRunStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.sql = prepare(db);
  }

  putMapRun(record: MapRunRecord): void {
    this.sql.put.run(record.arn, record.executionArn, record.startedAt, JSON.stringify(record));
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    const row = this.sql.get.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as MapRunRecord);
  }

  listMapRuns(executionArn: string): MapRunRecord[] {
    return (this.sql.list.all(executionArn) as Row[]).map((row) => JSON.parse(row.body) as MapRunRecord);
  }
}
