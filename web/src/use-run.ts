/** A run as the run page shows it: details, its whole history read into state visits, refreshed while it runs. */
import { useEffect, useState } from 'react';
import { readHistory, type StateVisit } from '../../api/history/history-reader';
import { api } from './api/api-client';
import type { ApiHistoryEvent, RunDetails } from './api/api-types';

/** How often a running run is read again. */
const REFRESH_MS = 1000;
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

export type RunView = { run?: RunDetails; events: ApiHistoryEvent[]; visits: readonly StateVisit[]; error?: string; refresh(): void };

export function useRun(runId: string): RunView {
  const [view, setView] = useState<Omit<RunView, 'refresh'>>({ events: [], visits: [] });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const run = await api<RunDetails>(`/api/runs/${encodeURIComponent(runId)}`);
        const events: ApiHistoryEvent[] = [];
        let cursor: string | undefined;
        do {
          const page = await api<{ events: ApiHistoryEvent[]; cursor?: string }>(`/api/runs/${encodeURIComponent(runId)}/history?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          events.push(...page.events);
          cursor = page.cursor;
        } while (cursor);
        if (!current) return;
        setView({ run, events, visits: readHistory(events).visits });
        if (!FINAL.has(run.status)) timer = setTimeout(() => void load(), REFRESH_MS);
      } catch (error) {
        if (current) setView((previous) => ({ ...previous, error: error instanceof Error ? error.message : String(error) }));
      }
    };
    void load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runId, generation]);
  return { ...view, refresh: () => setGeneration((value) => value + 1) };
}
