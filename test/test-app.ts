import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../src/server/app.js';
import type { Db } from '../src/server/db/database.js';
import { openDemoDatabase, type Engine } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
}

/** One app on a demo database per suite, opened before its tests and closed after them. */
export function useDemoApp(engine: Engine, options: Partial<AppOptions> = {}): TestApp {
  const context = {} as TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await openDemoDatabase(engine);
    context.db = database.db;
    context.app = await buildApp({ serveWeb: false, ...options, db: database.db });
    close = database.close;
  });
  afterAll(async () => {
    await context.app?.close();
    await close?.();
  });
  return context;
}
