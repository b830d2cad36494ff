import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { errorBodySchema } from './errors.js';

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unavailable']) });

/** `GET /health`: 200 when the database answers, 503 `degraded` while it is away (the server keeps running). */
export async function healthRoute(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    { schema: { tags: ['meta'], summary: 'Whether the server can reach its database', response: { 200: healthSchema, 503: z.union([healthSchema, errorBodySchema]) } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'degraded', database: 'unavailable' });
      }
    },
  );
}
