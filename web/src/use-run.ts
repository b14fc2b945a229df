/**
 * A run as the run page shows it: details and its whole history read into state visits, read
 * again on each live event of the run (and, while it runs, every 15 s in case the socket is down).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { readHistory, type StateVisit } from '../../api/history/history-reader';
import { api } from './api/api-client';
import type { ApiHistoryEvent, RunDetails } from './api/api-types';
import { useLive } from './live/use-live';

/** A safety net while a run is open: the socket normally says when something changed. */
const FALLBACK_REFRESH_MS = 15_000;
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

export type RunView = { run?: RunDetails; events: ApiHistoryEvent[]; visits: readonly StateVisit[]; error?: string; refresh(): void };

export function useRun(runId: string): RunView {
  const [view, setView] = useState<Omit<RunView, 'refresh'>>({ events: [], visits: [] });
  const loading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const mounted = useRef(true);

  const load = useCallback(async (): Promise<void> => {
    try {
      const run = await api<RunDetails>(`/api/runs/${encodeURIComponent(runId)}`);
      const events: ApiHistoryEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<{ events: ApiHistoryEvent[]; cursor?: string }>(`/api/runs/${encodeURIComponent(runId)}/history?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        events.push(...page.events);
        cursor = page.cursor;
      } while (cursor);
      if (mounted.current) setView({ run, events, visits: readHistory(events).visits });
    } catch (error) {
      if (mounted.current) setView((previous) => ({ ...previous, error: error instanceof Error ? error.message : String(error) }));
    }
  }, [runId]);

  /** Loads now, or once more after the load in flight (events arrive in bursts). */
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
  useLive({ runId }, refresh);
  return { ...view, refresh };
}
