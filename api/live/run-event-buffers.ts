/**
 * The recent events of each run, for replay to clients that reconnect: at most `perRun` events per
 * run and `maxRuns` runs, evicting the run that has been quiet longest. Remembers what it dropped,
 * so a replay can say it is incomplete.
 */
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
  private readonly runs = new Map<string, RunBuffer>();
  private readonly perRun: number;
  private readonly maxRuns: number;
  /** The highest sequence number of any event of a run evicted as a whole. */
  private evictedThrough = 0;

  constructor({ perRun = DEFAULT_EVENTS_PER_RUN, maxRuns = DEFAULT_MAX_BUFFERED_RUNS }: RunEventBuffersOptions = {}) {
    this.perRun = Math.max(1, perRun);
    this.maxRuns = Math.max(1, maxRuns);
  }

  /** Keeps `event`, dropping the run's oldest event or the quietest run past the bounds. */
  add(event: LiveEvent): void {
    const buffer = this.runs.get(event.runId) ?? { workflow: event.workflow, events: [], droppedThrough: 0 };
    this.runs.delete(event.runId);
    this.runs.set(event.runId, buffer);
    buffer.events.push(event);
    if (buffer.events.length > this.perRun) buffer.droppedThrough = buffer.events.shift()?.seq ?? buffer.droppedThrough;
    if (this.runs.size > this.maxRuns) {
      const [quietest, evicted] = this.runs.entries().next().value as [string, RunBuffer];
      this.runs.delete(quietest);
      this.evictedThrough = Math.max(this.evictedThrough, evicted.events[evicted.events.length - 1]?.seq ?? 0);
    }
  }

  /** The kept events of `topic` with `seq > since`, oldest first. */
  replay(topic: LiveTopic, since: number): Replay {
    const buffers = topic.kind === 'run' ? [this.runs.get(topic.runId)].filter((buffer) => buffer !== undefined) : [...this.runs.values()];
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
    return this.runs.get(runId)?.events.length ?? 0;
  }

  /** How many runs are kept. */
  get size(): number {
    return this.runs.size;
  }
}
