/**
 * The recent events of each run, for replay to clients that reconnect: at most `perRun` events per
 * run and `maxRuns` runs, evicting the run that has been quiet longest. Remembers what it dropped,
 * so a replay can say it is incomplete.
 */
import { LRUCache } from 'lru-cache';
import { topicMatches, type LiveEvent, type LiveTopic } from './live-event';

/** Events kept per run unless told otherwise. */
export const DEFAULT_EVENTS_PER_RUN = 500;
/** Runs kept unless told otherwise. */
export const DEFAULT_MAX_BUFFERED_RUNS = 1000;

/** Buffer sizes. */
export type RunEventBuffersOptions = { perRun?: number; maxRuns?: number };

/** Events matching a topic after a sequence number, and whether older ones were dropped. */
export type Replay = { events: LiveEvent[]; truncated: boolean };

type RunBuffer = { workflow: string; events: LiveEvent[]; droppedThrough: number };

/** Bounded per-run event buffers. */
export class RunEventBuffers {
  /** Runs by id, the one quiet longest evicted first. */
  private readonly runs: LRUCache<string, RunBuffer>;
  private readonly perRun: number;
  /** The highest sequence number of any event of a run evicted as a whole. */
  private evictedThrough = 0;

  constructor({ perRun = DEFAULT_EVENTS_PER_RUN, maxRuns = DEFAULT_MAX_BUFFERED_RUNS }: RunEventBuffersOptions = {}) {
    this.perRun = Math.max(1, perRun);
    this.runs = new LRUCache<string, RunBuffer>({
      max: Math.max(1, maxRuns),
      dispose: (evicted, _runId, reason) => {
        if (reason === 'evict') this.evictedThrough = Math.max(this.evictedThrough, evicted.events[evicted.events.length - 1]?.seq ?? 0);
      },
    });
  }

  /** Keeps `event`, dropping the run's oldest event or the quietest run past the bounds. */
  add(event: LiveEvent): void {
    let buffer = this.runs.get(event.runId);
    if (!buffer) {
      buffer = { workflow: event.workflow, events: [], droppedThrough: 0 };
      this.runs.set(event.runId, buffer);
    }
    buffer.events.push(event);
    if (buffer.events.length > this.perRun) buffer.droppedThrough = buffer.events.shift()?.seq ?? buffer.droppedThrough;
  }

  /** The kept events of `topic` with `seq > since`, oldest first. */
  replay(topic: LiveTopic, since: number): Replay {
    const buffers = topic.kind === 'run' ? [this.runs.peek(topic.runId)].filter((buffer) => buffer !== undefined) : [...this.runs.values()];
    const events: LiveEvent[] = [];
    let truncated = topic.kind !== 'run' && since < this.evictedThrough;
    for (const buffer of buffers) {
      if (!topicMatches(topic, { runId: buffer.events[0]?.runId ?? '', workflow: buffer.workflow })) continue;
      if (since < buffer.droppedThrough) truncated = true;
      for (const event of buffer.events) if (event.seq > since) events.push(event);
    }
    return { events: events.sort((a, b) => a.seq - b.seq), truncated };
  }

  /** How many events the run has kept. */
  sizeOf(runId: string): number {
    return this.runs.peek(runId)?.events.length ?? 0;
  }

  /** How many runs are kept. */
  get size(): number {
    return this.runs.size;
  }
}
