/**
 * Activities and tags in the SQLite store: one row per activity and one row per tagged resource
 * (its tags as a JSON array). They change rarely, so each write commits at once instead of joining
 * the store's buffered transaction.
 */
import type Database from 'better-sqlite3';
import type { ActivityRecord, ResourceStore, ResourceTag } from '../engine';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS activities (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS tags (arn TEXT PRIMARY KEY, body TEXT NOT NULL);
`;

type Row = { body: string };

function prepare(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    putActivity: db.prepare('INSERT OR REPLACE INTO activities (arn, body) VALUES (?, ?)'),
    getActivity: db.prepare('SELECT body FROM activities WHERE arn = ?'),
    listActivities: db.prepare('SELECT body FROM activities'),
    deleteActivity: db.prepare('DELETE FROM activities WHERE arn = ?'),
    putTags: db.prepare('INSERT OR REPLACE INTO tags (arn, body) VALUES (?, ?)'),
    getTags: db.prepare('SELECT body FROM tags WHERE arn = ?'),
    deleteTags: db.prepare('DELETE FROM tags WHERE arn = ?'),
  };
}

/** The ResourceStore half of SqliteExecutionStore, on the same database. */
export class SqliteResources implements ResourceStore {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.sql = prepare(db);
  }

  putActivity(record: ActivityRecord): void {
    this.sql.putActivity.run(record.arn, JSON.stringify(record));
  }

  getActivity(arn: string): ActivityRecord | undefined {
    const row = this.sql.getActivity.get(arn) as Row | undefined;
    return row && (JSON.parse(row.body) as ActivityRecord);
  }

  listActivities(): ActivityRecord[] {
    return (this.sql.listActivities.all() as Row[]).map((row) => JSON.parse(row.body) as ActivityRecord);
  }

  deleteActivity(arn: string): void {
    this.sql.deleteActivity.run(arn);
    this.sql.deleteTags.run(arn);
  }

  putTags(resourceArn: string, tags: ResourceTag[]): void {
    if (tags.length) this.sql.putTags.run(resourceArn, JSON.stringify(tags));
    else this.sql.deleteTags.run(resourceArn);
  }

  getTags(resourceArn: string): ResourceTag[] {
    const row = this.sql.getTags.get(resourceArn) as Row | undefined;
    return row ? (JSON.parse(row.body) as ResourceTag[]) : [];
  }
}
