/**
 * Execution definitions stored once each: every execution of a state machine runs the same
 * definition text, so the store writes it to `definitions` the first time this process sees it
 * and executions keep only its id. Both directions are cached (bounded); a text seen again after a
 * restart gets a new row, which costs space once, never correctness.
 */
import { LRUCache } from 'lru-cache';
import type { StoreStatements } from './sqlite-schema';

/** Definitions kept in each direction's cache. */
const MAX_CACHED_DEFINITIONS = 256;

/** Definition ids by text and texts by id, over the `definitions` table. */
export class SqliteDefinitions {
  private readonly ids = new LRUCache<string, number>({ max: MAX_CACHED_DEFINITIONS });
  private readonly texts = new LRUCache<number, string>({ max: MAX_CACHED_DEFINITIONS });

  constructor(private readonly sql: StoreStatements) {}

  /** The id of `text`, inserting it when this process has not stored it yet (call inside the write transaction). */
  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = Number(this.sql.putDefinition.run(text).lastInsertRowid);
      this.remember(id, text);
    }
    return id;
  }

  /** The text stored under `id`. */
  textOf(id: number): string {
    let text = this.texts.get(id);
    if (text === undefined) {
      const row = this.sql.getDefinition.get(id) as { body: string } | undefined;
      text = row ? row.body : '';
      this.remember(id, text);
    }
    return text;
  }

  private remember(id: number, text: string): void {
    this.ids.set(text, id);
    this.texts.set(id, text);
  }
}
