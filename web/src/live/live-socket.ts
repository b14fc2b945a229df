/**
 * The console's one live connection (GET /ws, api/openapi/live-events.md): authenticates with the
 * signed-in token, keeps each page's subscriptions, and on a dropped connection reconnects with
 * back-off and catches up with `since` the last event it saw.
 */

/**
 * Delivered to every listener when the server says it could not replay what was missed while the
 * socket was away (`subscribed` with `truncated`: API Gateway keeps no event buffer): re-read over REST.
 */
export const RESYNC_EVENT = 'live.resync';

/** What a page listens to. */
export type LiveTopic = { all: true } | { workflow: string } | { runId: string };

/** An event as the server sends it. */
export type LiveEvent = { type: string; seq: number; runId: string; workflow: string; time: string; data: Record<string, unknown> };

type Listener = (event: LiveEvent) => void;
type Subscription = { topic: LiveTopic; listeners: Set<Listener> };

/** Longest wait between reconnection attempts. */
const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 500;

/** One socket for the tab. */
export class LiveSocket {
  private socket: WebSocket | undefined;
  private readonly subscriptions = new Map<string, Subscription>();
  private lastSeq = 0;
  private attempts = 0;
  private ready = false;
  /** Whether listeners were told to re-read since this connection became ready (once is enough for all topics). */
  private resynced = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `tokenInQuery`: also put the token in the URL's query (`?token=`), for API Gateway, whose
   * authorizer must decide on `$connect` and browsers cannot set headers on a WebSocket.
   */
  constructor(
    private readonly url: string,
    private readonly token: () => string | undefined,
    private readonly options: { tokenInQuery?: boolean } = {},
  ) {}

  /** Calls `listener` with each event of `topic`; returns the unsubscribe. */
  on(topic: LiveTopic, listener: Listener): () => void {
    const key = JSON.stringify(topic);
    let subscription = this.subscriptions.get(key);
    if (!subscription) {
      subscription = { topic, listeners: new Set() };
      this.subscriptions.set(key, subscription);
      this.send({ type: 'subscribe', ...topic });
    }
    subscription.listeners.add(listener);
    this.connect();
    return () => {
      subscription.listeners.delete(listener);
      if (subscription.listeners.size > 0) return;
      this.subscriptions.delete(key);
      this.send({ type: 'unsubscribe', ...topic });
    };
  }

  /** Closes for good (sign-out). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private connect(): void {
    if (this.socket || this.closed) return;
    const token = this.token();
    if (!token) return;
    const socket = new WebSocket(this.options.tokenInQuery ? withToken(this.url, token) : this.url);
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token }));
    socket.onmessage = (message) => this.receive(JSON.parse(String(message.data)) as LiveEvent);
    socket.onclose = () => {
      this.socket = undefined;
      this.ready = false;
      if (this.closed) return;
      const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.attempts) * (0.75 + Math.random() / 2);
      this.attempts += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private receive(message: LiveEvent): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.resynced = false;
      this.attempts = 0;
      // After a reconnect, catch up on what was missed; the first time, start from now.
      for (const { topic } of this.subscriptions.values())
        this.send({ type: 'subscribe', ...topic, ...(this.lastSeq > 0 ? { since: this.lastSeq } : {}) });
      return;
    }
    if (message.type === 'subscribed' && (message as { truncated?: unknown }).truncated === true && !this.resynced) return this.resync();
    if (typeof message.seq !== 'number') return;
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    for (const { topic, listeners } of this.subscriptions.values()) {
      if (matches(topic, message)) for (const listener of listeners) listener(message);
    }
  }

  private resync(): void {
    this.resynced = true;
    const event: LiveEvent = { type: RESYNC_EVENT, seq: this.lastSeq, runId: '', workflow: '', time: new Date().toISOString(), data: {} };
    for (const { listeners } of this.subscriptions.values()) for (const listener of listeners) listener(event);
  }

  private send(message: Record<string, unknown>): void {
    if (this.ready && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

function withToken(url: string, token: string): string {
  const withQuery = new URL(url);
  withQuery.searchParams.set('token', token);
  return withQuery.toString();
}

function matches(topic: LiveTopic, event: LiveEvent): boolean {
  if ('all' in topic) return true;
  if ('workflow' in topic) return event.workflow === topic.workflow;
  return event.runId === topic.runId;
}
