import { useState } from 'react';
import type { ApiError } from './api.js';

/**
 * A user's action against the API: busy while it runs (with its name, when a panel has several),
 * and the error it ended with, cleared when the next one starts. `run` resolves to whether the
 * action succeeded.
 */
export function useAction() {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (work: () => Promise<unknown>, name = 'action'): Promise<boolean> => {
    setRunning(name);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setRunning(null);
    }
  };
  return { busy: running !== null, running, error, run };
}
