/**
 * Runs `work` every `intervalMs`, never two at once (a slow run makes the next one wait, not
 * overlap), without keeping the process alive. Returns the function that stops it.
 */
export function runEvery(intervalMs: number, work: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
