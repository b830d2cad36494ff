import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import type { Db } from '../../src/server/db/database.js';
import { arbitraryFor, hostile, type JsonSchema } from './schema-arbitrary.js';

/**
 * Requests generated from each route's own schemas in the OpenAPI document, as a signed-in person
 * of each role (or nobody) would send them, hostile values mixed in. What must hold for every one:
 * no answer of 5xx, and a request that is refused (any answer but 2xx) writes nothing.
 */

interface Operation {
  method: string;
  path: string;
  family: string;
  parameters: { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export interface FuzzRequest {
  operation: Operation;
  role: string;
  csrf: 'right' | 'wrong' | 'none';
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FuzzOutcome {
  status: number;
  /** Tables a refused request wrote to: rows added, removed or changed. */
  written: string[];
}

/** Signing out would end the sessions the other requests use; it has tests of its own. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-everywhere']);
/** Written by refused requests on purpose: a failed sign-in is counted; a session is touched when used. */
const WRITES_EXPECTED_ON_REFUSAL = new Set(['login_attempt', 'session']);

/** The demo has no system admin; the fuzzer adds one. */
const SYSTEM_ADMIN = 'jarjestelma.fuzz@tarjotin.example';

export const ROLE_ACCOUNTS: Record<string, string | null> = {
  nobody: null,
  student: 'opiskelija.pello@tarjotin.example',
  counsellor: 'opo.pello@tarjotin.example',
  coordinator: 'koordinaattori.lappia@tarjotin.example',
  admin: 'admin@tarjotin.example',
  planner: 'suunnittelija.pello@tarjotin.example',
  worklife: 'tyoelama@tarjotin.example',
  system_admin: SYSTEM_ADMIN,
};

export function operationsOf(openapi: { paths: Record<string, Record<string, any>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (SKIPPED.has(`${method.toUpperCase()} ${path}`)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        family: op.tags?.[0] ?? 'other',
        parameters: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** Half the requests hold only values the schemas allow (they reach the routes' code), half hostile ones too. */
export function requestsOf(operations: Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.constantFrom(...operations), fc.boolean()).chain(([operation, withHostile]) =>
    fc.record({
      operation: fc.constant(operation),
      role: fc.constantFrom(...Object.keys(ROLE_ACCOUNTS)),
      csrf: fc.constantFrom<'right' | 'wrong' | 'none'>('right', 'right', 'right', 'right', 'wrong', 'none'),
      path: pathOf(operation, withHostile),
      query: queryOf(operation, withHostile),
      body: operation.body
        ? arbitraryFor(operation.body, '', withHostile)
        : withHostile ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: hostile, weight: 1 }) : fc.constant(undefined),
    }),
  );
}

function pathOf(operation: Operation, withHostile: boolean): fc.Arbitrary<string> {
  const params = operation.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...params.map((p) => arbitraryFor(p.schema, p.name === 'id' || p.name.endsWith('Id') ? `${p.name}Id` : p.name, withHostile))).map((values) =>
    params.reduce((path, p, i) => path.replace(`{${p.name}}`, encodeURIComponent(String(values[i]))), operation.path),
  );
}

function queryOf(operation: Operation, withHostile: boolean): fc.Arbitrary<Record<string, string>> {
  const params = operation.parameters.filter((p) => p.in === 'query');
  const entries = params.map((p) => fc.option(arbitraryFor(p.schema, p.name, withHostile), { nil: undefined, freq: 2 }).map((v) => [p.name, v] as const));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
}

export interface Fuzzer {
  operations: Operation[];
  send(request: FuzzRequest): Promise<FuzzOutcome>;
}

/** Signs in one person of each role, and sends requests as them, comparing row counts around the refused ones. */
export async function fuzzerFor(app: FastifyInstance, db: Db): Promise<Fuzzer> {
  const openapi = (await app.inject({ url: '/api/v1/openapi.json' })).json();
  const { password_hash } = await db.selectFrom('app_user').select('password_hash').where('email', '=', ROLE_ACCOUNTS.admin!).executeTakeFirstOrThrow();
  await db
    .insertInto('app_user')
    .values({ email: SYSTEM_ADMIN, name: 'Järjestelmä (fuzz)', role: 'system_admin', password_hash, region_id: null, organization_id: null, home_municipality_code: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) {
    if (!email) continue;
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === 'tarjotin_session')!;
    sessions.set(role, { cookie: `tarjotin_session=${cookie.value}`, csrf: response.json().csrfToken });
  }
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely%' and tablename not in ('population', 'municipality')`.execute(db)).rows
    .map((t) => t.name)
    .filter((t) => !WRITES_EXPECTED_ON_REFUSAL.has(t));
  // Each table's row count and the sum of its rows' xmin, the transaction that last wrote each row:
  // any insert, update or delete changes one or the other.
  const counts = async () =>
    (
      await sql<Record<string, string>>`select ${sql.join(tables.map((t) => sql`(select count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) from ${sql.table(t)}) as ${sql.ref(t)}`))}`.execute(db)
    ).rows[0]!;
  return {
    operations: operationsOf(openapi),
    async send(request) {
      const before = await counts();
      const session = sessions.get(request.role);
      const search = new URLSearchParams(request.query).toString();
      const response = await app.inject({
        method: request.operation.method as 'GET',
        url: `${request.path}${search ? `?${search}` : ''}`,
        headers: {
          ...(session ? { cookie: session.cookie } : {}),
          ...(session && request.csrf !== 'none' ? { 'x-csrf-token': request.csrf === 'right' ? session.csrf : 'wrong' } : {}),
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        payload: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      if (response.statusCode >= 200 && response.statusCode < 300) return { status: response.statusCode, written: [] };
      const after = await counts();
      return { status: response.statusCode, written: tables.filter((t) => before[t] !== after[t]) };
    },
  };
}

/** A compact line about a request, for a failure message. */
export const describeRequest = (r: FuzzRequest) =>
  `${r.operation.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} as ${r.role} (csrf ${r.csrf}) body ${JSON.stringify(r.body)?.slice(0, 300)}`;
