/**
 * Called between the batches of a long write: lets the requests that queued up meanwhile have the
 * database first, and waits as long again as the batch took (at most 100 ms), so that on
 * PostgreSQL the batches do not keep a core busy while other users' queries wait for it. A long
 * write takes up to twice as long; nobody else waits for it.
 */
export async function giveWay(batchStarted: number): Promise<void> {
  const took = performance.now() - batchStarted;
  await new Promise((resolve) => setTimeout(resolve, Math.min(took, 100)));
}
