import { createServer, type AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { CHROMIUM } from '../../scripts/test-prerequisites.mjs';
import type { Db } from '../../src/server/db/database.js';
import { openDemoDatabase, openFreshDatabase, type Engine } from '../databases.js';

/** Debian's Chromium, headless, with nothing that reaches out to the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Software WebGL, so that the map renders without a GPU.
  '--enable-unsafe-swiftshader',
];

export interface BrowserHarness {
  baseUrl: string;
  /** The app's database, for what a test reads outside the browser (a mailbox: the outbox). */
  db: Db;
  /** A page at a desktop viewport, or at a phone's (375 × 740) with `phone`. */
  newPage(options?: { language?: 'fi' | 'sv' | 'en'; phone?: boolean }): Promise<Page>;
}

/** Serves the built app on a demo database (or, `fresh`, a new install's) at a random port and drives it with Chromium. */
export function useBrowserApp(engine: Engine = 'pglite', options: { fresh?: boolean; prepare?: (appUrl: string) => Promise<Partial<AppOptions>> } = {}): BrowserHarness {
  const { fresh, prepare } = options;
  const harness = { baseUrl: '' } as BrowserHarness;
  let app: FastifyInstance;
  let closeDatabase: () => Promise<void>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const database = fresh ? await openFreshDatabase(engine) : await openDemoDatabase(engine);
    closeDatabase = database.close;
    harness.db = database.db;
    // An app that must know its own address before it starts (single sign-on callbacks) gets a free port first.
    const port = prepare ? await freePort() : 0;
    const extra = prepare ? await prepare(`http://127.0.0.1:${port}`) : {};
    app = await buildApp({ db: database.db, serveWeb: true, ...extra });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    harness.baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  harness.newPage = async ({ language, phone } = {}) => {
    const viewport = phone ? { width: 375, height: 740 } : { width: 1280, height: 900 };
    const context = await browser.newContext({ baseURL: harness.baseUrl, viewport });
    contexts.push(context);
    if (language) await context.addInitScript((l) => localStorage.setItem('tarjotin.language', l), language);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    // A script, style or worker the Content-Security-Policy blocks is a broken page.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) throw new Error(`CSP violation: ${message.text()}`);
    });
    return page;
  };

  // Pages live until the file ends, so that a flow can go on from one test to the next.
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await app?.close();
    await closeDatabase?.();
  });
  return harness;
}

/** Fails with the list of WCAG 2.1 A and AA violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary).toEqual([]);
}

/**
 * Signs the page's browser in through the API (the login page itself is tested on its own): the
 * session cookie lands in the page's context, and the next page it opens is signed in.
 */
export async function signInAs(page: Page, email: string, password: string) {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
}

/** Signs in through the login page, as a person does. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(/sähköposti/i).fill(email);
  await page.getByLabel(/salasana/i).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
