import { Worker } from 'node:worker_threads';
import type { AllocateOptions, AllocationResult } from './allocate.js';
import type { AllocationProblem } from './allocation-problem.js';

// The sources run through tsx (docs/decisions/0002): a worker starts by registering it, as the CLI does.
const workerUrl = new URL('./allocation-worker-start.mjs', import.meta.url);

/**
 * Allocates a round in a worker thread, so that the server keeps answering while a large round
 * is solved (seconds of CPU for the heuristic, up to the exact solver's time limit).
 */
export function allocateInWorker(problem: AllocationProblem, options: AllocateOptions = {}): Promise<AllocationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { problem, options } });
    let settled = false;
    worker.once('message', (message: { result?: AllocationResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(`allocation failed: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the allocation worker stopped with code ${code}`));
    });
  });
}
