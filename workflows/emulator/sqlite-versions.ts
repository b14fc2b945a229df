/**
 * Versions and aliases of state machines in the SQLite store: one row each, keyed by ARN and
 * indexed by state machine. They change rarely, so each write commits at once instead of joining
 * the store's buffered transaction (the store flushes that first, so a version never lands before
 * the state machine update it was published from).
 */
import type Database from 'better-sqlite3';
import type { StateMachineAliasRecord, StateMachineVersionRecord, VersionStore } from '../engine';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS state_machine_versions (arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS versions_by_machine ON state_machine_versions (state_machine_arn);
  CREATE TABLE IF NOT EXISTS state_machine_aliases (arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS aliases_by_machine ON state_machine_aliases (state_machine_arn);
`;

type Row = { body: string };

function prepare(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    putVersion: db.prepare('INSERT OR REPLACE INTO state_machine_versions (arn, state_machine_arn, body) VALUES (?, ?, ?)'),
    getVersion: db.prepare('SELECT body FROM state_machine_versions WHERE arn = ?'),
    listVersions: db.prepare('SELECT body FROM state_machine_versions WHERE state_machine_arn = ?'),
    deleteVersion: db.prepare('DELETE FROM state_machine_versions WHERE arn = ?'),
    putAlias: db.prepare('INSERT OR REPLACE INTO state_machine_aliases (arn, state_machine_arn, body) VALUES (?, ?, ?)'),
    getAlias: db.prepare('SELECT body FROM state_machine_aliases WHERE arn = ?'),
    listAliases: db.prepare('SELECT body FROM state_machine_aliases WHERE state_machine_arn = ?'),
    deleteAlias: db.prepare('DELETE FROM state_machine_aliases WHERE arn = ?'),
  };
}

/** The VersionStore half of SqliteExecutionStore, on the same database. */
export class SqliteVersions implements VersionStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.sql = prepare(db);
  }

  putStateMachineVersion(record: StateMachineVersionRecord): void {
    this.sql.putVersion.run(record.arn, record.stateMachineArn, JSON.stringify(record));
  }

  getStateMachineVersion(arn: string): StateMachineVersionRecord | undefined {
    const row = this.sql.getVersion.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as StateMachineVersionRecord);
  }

  listStateMachineVersions(stateMachineArn: string): StateMachineVersionRecord[] {
    return (this.sql.listVersions.all(stateMachineArn) as Row[]).map((row) => JSON.parse(row.body) as StateMachineVersionRecord);
  }

  deleteStateMachineVersion(arn: string): void {
    this.sql.deleteVersion.run(arn);
  }

  putStateMachineAlias(record: StateMachineAliasRecord): void {
    this.sql.putAlias.run(record.arn, record.stateMachineArn, JSON.stringify(record));
  }

  getStateMachineAlias(arn: string): StateMachineAliasRecord | undefined {
    const row = this.sql.getAlias.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as StateMachineAliasRecord);
  }

  listStateMachineAliases(stateMachineArn: string): StateMachineAliasRecord[] {
    return (this.sql.listAliases.all(stateMachineArn) as Row[]).map((row) => JSON.parse(row.body) as StateMachineAliasRecord);
  }

  deleteStateMachineAlias(arn: string): void {
    this.sql.deleteAlias.run(arn);
  }
}
