import { parentPort, workerData } from 'node:worker_threads';
import { allocate, type AllocateOptions } from './allocate.js';
import type { AllocationProblem } from './allocation-problem.js';

/** The thread a round is solved in (allocate-in-worker.ts): the problem in, the result or the error's message out. */
const { problem, options } = workerData as { problem: AllocationProblem; options: AllocateOptions };
allocate(problem, options).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
