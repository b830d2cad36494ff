import { Worker } from 'node:worker_threads';
import type { AllocateOptions, AllocationResult } from './allocate.js';
import type { AllocationProblem } from './allocation-problem.js';

// The sources run through tsx (docs/decisions/0002): a worker starts by registering it, as the CLI does.
const workerUrl = new URL('./allocation-worker-start.mjs', import.meta.url);

/** A solve that has not answered by then is stopped: the exact solver's limit is 10 s and the largest benchmark round takes the heuristic 5 s. */
const WATCHDOG_MS = 120_000;

/** Solves run one at a time: on a two-core server a second solve beside the first would slow every request. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Allocates a round in a worker thread, so that the server keeps answering while a large round
 * is solved (seconds of CPU for the heuristic, up to the exact solver's time limit).
 */
export function allocateInWorker(problem: AllocationProblem, options: AllocateOptions = {}, watchdogMs = WATCHDOG_MS): Promise<AllocationResult> {
  const run = queue.then(() => solveInWorker(problem, options, watchdogMs));
  queue = run.catch(() => undefined);
  return run;
}

function solveInWorker(problem: AllocationProblem, options: AllocateOptions, watchdogMs: number): Promise<AllocationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { problem, options } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      outcome();
      void worker.terminate();
    };
    const watchdog = setTimeout(() => settle(() => reject(new Error(`the allocation did not finish in ${watchdogMs / 1000} s and was stopped`))), watchdogMs);
    worker.once('message', (message: { result?: AllocationResult; error?: string }) =>
      settle(() => (message.result ? resolve(message.result) : reject(new Error(`allocation failed: ${message.error}`)))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the allocation worker stopped with code ${code}`))));
  });
}
