import { useEffect, useState } from 'react';
import { api, ApiError } from './api.js';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; data: T };

/** Loads `path` whenever it changes; null skips the request. A newer path discards older answers. */
export function useApi<T>(path: string | null): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setResult({ state: 'loading' });
    api<T>(path)
      .then((data) => current && setResult({ state: 'ready', data }))
      .catch((error: ApiError) => current && setResult({ state: 'error', error }));
    return () => {
      current = false;
    };
  }, [path, version]);
  return { ...result, reload: () => setVersion((v) => v + 1) };
}
