import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../databases.js';
import { useDemoApp } from '../test-app.js';
import { describeRequest, fuzzerFor, requestsOf, type Fuzzer } from './api-fuzz.js';

import { FAMILIES } from './families.js';

/** Requests per family here; `npm run fuzz` sends 10,000 of each. */
const RUNS = 120;

describe.each(ENGINES)('every route, fuzzed from its own schemas, on %s', (engine) => {
  const context = useDemoApp(engine);
  let fuzzer: Fuzzer;

  it.each(FAMILIES)('%s: never 5xx, and a refused request writes nothing', async (family) => {
    fuzzer ??= await fuzzerFor(context.app, context.db);
    const operations = fuzzer.operations.filter((o) => o.family === family);
    expect(operations.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(requestsOf(operations), async (request) => {
        const outcome = await fuzzer.send(request);
        expect(outcome.status, describeRequest(request)).toBeLessThan(500);
        expect(outcome.written, describeRequest(request)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 9 + FAMILIES.indexOf(family), endOnFailure: true },
    );
  });
});
