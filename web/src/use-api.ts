/** Loads from the API for a component: the data, or the error in plain words, and a reload. */
import { useCallback, useEffect, useState } from 'react';
import { api } from './api/api-client';

/** The state of one load. */
export type Loaded<T> = { data?: T; error?: string; loading: boolean; reload: () => void };

/** GETs `path` (none: nothing), again whenever `path` changes or `reload` is called. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== undefined });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    api<T>(path).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
