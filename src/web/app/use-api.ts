import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api.js';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; data: T };

/**
 * Loads `path` whenever it changes; null skips the request. A newer path discards older answers.
 * A reload of the same path keeps showing the current data until the new answer arrives.
 */
export function useApi<T>(path: string | null): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const shownPath = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    if (path !== shownPath.current) setResult({ state: 'loading' });
    api<T>(path)
      .then((data) => {
        if (!current) return;
        shownPath.current = path;
        setResult({ state: 'ready', data });
      })
      .catch((error: ApiError) => current && setResult({ state: 'error', error }));
    return () => {
      current = false;
    };
  }, [path, version]);
  return { ...result, reload: () => setVersion((v) => v + 1) };
}
