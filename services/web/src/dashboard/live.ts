import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';

/** What `GET /api/v1/dashboard/changes` sends as `event: change`: which read model moved, for what. */
export interface DashboardChange {
  kind: string;
  programmeId?: string;
  provinceCode?: string;
  batchId?: string;
  venueCode?: string;
}

type Listener = (change: DashboardChange) => void;
const listeners = new Set<Listener>();
let source: EventSource | undefined;

/** One EventSource for the whole page, opened by the first listener; the browser reconnects it by itself. */
function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/api/v1/dashboard/changes', { withCredentials: true });
    source.addEventListener('change', (event) => {
      let change: DashboardChange;
      try {
        change = JSON.parse((event as MessageEvent<string>).data) as DashboardChange;
      } catch {
        return;
      }
      for (const each of listeners) each(change);
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
    }
  };
}

export type DataState<T> = { data?: T; error?: Error; loading: boolean; reload: () => void };

/**
 * Loads `fetch` now, again when `deps` change, and again (at most every half second) when a live change arrives that
 * `concerns` says is about this data (default: every change).
 */
export function useData<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: unknown[], concerns: (change: DashboardChange) => boolean = () => true): DataState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const concernsRef = useRef(concerns);
  concernsRef.current = concerns;
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    fetcher(controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState((previous) => ({ data: error instanceof ApiError && error.status >= 500 ? previous.data : undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((change) => {
      if (!concernsRef.current(change) || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setGeneration((value) => value + 1);
      }, 500);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return { ...state, reload: () => setGeneration((value) => value + 1) };
}
