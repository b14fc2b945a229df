/**
 * A run as the run page shows it: details and its whole history read into state visits, plus the
 * live events since, applied once per animation frame (a batch is timed as the User Timing measure
 * `statecraft:live-batch`). The history is read again at most every 2 s while events arrive (and
 * every 15 s in case the socket is down).
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { readHistory, type StateVisit } from '../../api/history/history-reader';
import { api } from './api/api-client';
import type { ApiHistoryEvent, RunDetails } from './api/api-types';
import { applyLiveEvents, newerThan, type OverlayEntry } from './live/live-state-overlay';
import { RESYNC_EVENT, type LiveEvent } from './live/live-socket';
import { useLive } from './live/use-live';

const FALLBACK_REFRESH_MS = 15_000;
const HISTORY_EVERY_MS = 2_000;
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

export type RunView = {
  run?: RunDetails;
  events: ApiHistoryEvent[];
  visits: readonly StateVisit[];
  /** When the history was read (epoch ms): "now" for states still open. */
  readAt: number;
  /** States whose status live events changed since the history was read. */
  live: ReadonlyMap<string, OverlayEntry>;
  error?: string;
  refresh: () => void;
};

export function useRun(runId: string): RunView {
  const [view, setView] = useState<Omit<RunView, 'refresh' | 'live'>>({ events: [], visits: [], readAt: 0 });
  const [live, setLive] = useState<ReadonlyMap<string, OverlayEntry>>(new Map());
  const loading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const mounted = useRef(true);
  const lastSeq = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const seqAtStart = lastSeq.current;
    try {
      const run = await api<RunDetails>(`/api/runs/${encodeURIComponent(runId)}`);
      const events: ApiHistoryEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<{ events: ApiHistoryEvent[]; cursor?: string }>(
          `/api/runs/${encodeURIComponent(runId)}/history?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        events.push(...page.events);
        cursor = page.cursor;
      } while (cursor);
      if (!mounted.current) return;
      // A transition: rendering a re-read history may take a while and must not hold up live batches.
      startTransition(() => {
        setView({ run, events, visits: readHistory(events).visits, readAt: Date.now() });
        // The history now covers every event seen before the read began.
        setLive((current) => newerThan(current, seqAtStart));
      });
    } catch (error) {
      if (mounted.current) setView((previous) => ({ ...previous, error: error instanceof Error ? error.message : String(error) }));
    }
  }, [runId]);

  /** Reads now, or once more after the read in flight. */
  const refresh = useCallback(() => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = load().finally(() => {
      loading.current = undefined;
      if (again.current) {
        again.current = false;
        refresh();
      }
    });
  }, [load]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);
  const open = view.run !== undefined && !FINAL.has(view.run.status);
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(refresh, FALLBACK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, refresh]);

  const queue = useRef<LiveEvent[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const historyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      clearTimeout(historyTimer.current);
    },
    [],
  );
  useLive({ runId }, (event) => {
    queue.current.push(event);
    frame.current ??= requestAnimationFrame(() => {
      frame.current = undefined;
      const batch = queue.current.splice(0);
      const started = performance.now();
      lastSeq.current = Math.max(lastSeq.current, ...batch.map((each) => each.seq));
      flushSync(() => setLive((current) => applyLiveEvents(current, batch)));
      performance.measure('statecraft:live-batch', { start: started, end: performance.now(), detail: { events: batch.length } });
      if (batch.some((each) => (each.type.startsWith('run.') && each.type !== 'run.status') || each.type === RESYNC_EVENT)) refresh();
      else
        historyTimer.current ??= setTimeout(() => {
          historyTimer.current = undefined;
          refresh();
        }, HISTORY_EVERY_MS);
    });
  });
  return { ...view, live, refresh };
}
