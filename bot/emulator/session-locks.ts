/** One request at a time per session, in this process: a second concurrent one is a ConflictException (LEX.md §5). */

/** The sessions with a request in flight. */
export class SessionLocks {
  private readonly held = new Set<string>();

  /** Takes the session's lock; returns its release, or undefined when another request holds it. */
  tryAcquire(key: string): (() => void) | undefined {
    if (this.held.has(key)) return undefined;
    this.held.add(key);
    return () => {
      this.held.delete(key);
    };
  }
}
