import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { requireUser } from '../auth/auth-plugin.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { getRound, listRounds, roundResult } from './round-queries.js';
import { allocateSchema, roundCreateSchema, roundUpdateSchema, wishesSchema } from './round-schema.js';
import { allocateRound, createRound, publishRound, replaceWishes, updateRound } from './round-service.js';
import { idParams, wholeNumberParam, INT4_MAX } from '../../server/http/input-schemas.js';

const page = z.object({
  limit: wholeNumberParam(1, 200).default(50),
  offset: wholeNumberParam(0, INT4_MAX).default(0),
});

export async function roundRoutes(app: FastifyInstance, { db, travelTimes }: { db: Db; travelTimes: SiteTravelTimes }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/rounds', { schema: { tags: ['rounds'], summary: 'Selection rounds of the user’s region, newest first', querystring: page } }, async (request) =>
    listRounds(db, requireUser(request), request.query),
  );

  api.post(
    '/rounds',
    { schema: { tags: ['rounds'], summary: 'Open a selection round for a period (region admin or provider coordinator)', body: roundCreateSchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const id = await createRound(db, user, request.body);
      return reply.code(201).send(await getRound(db, travelTimes, user, id));
    },
  );

  api.get('/rounds/:id', { schema: { tags: ['rounds'], summary: 'A round with its offerings and seats, and the student’s own wishes', params: idParams } }, async (request) =>
    getRound(db, travelTimes, requireUser(request), request.params.id),
  );

  api.patch(
    '/rounds/:id',
    { schema: { tags: ['rounds'], summary: 'Move the deadline, e.g. close the round now (organizer, before allocation)', params: idParams, body: roundUpdateSchema } },
    async (request) => {
      const user = requireUser(request);
      await updateRound(db, user, request.params.id, request.body);
      return getRound(db, travelTimes, user, request.params.id);
    },
  );

  api.put(
    '/rounds/:id/wishes',
    { schema: { tags: ['rounds'], summary: 'The student’s ranked wishes, most wanted first; editable until the deadline', params: idParams, body: wishesSchema } },
    async (request) => replaceWishes(db, requireUser(request), request.params.id, request.body.offeringIds),
  );

  api.post(
    '/rounds/:id/allocate',
    { schema: { tags: ['rounds'], summary: 'Allocate a closed round, or re-run it with changed seats before publishing (organizer)', params: idParams, body: allocateSchema } },
    async (request) => allocateRound(db, travelTimes, requireUser(request), request.params.id, request.body),
  );

  api.post(
    '/rounds/:id/publish',
    { schema: { tags: ['rounds'], summary: 'Publish the allocation: partner students get accepted enrolments (organizer)', params: idParams } },
    async (request) => {
      const user = requireUser(request);
      await publishRound(db, user, request.params.id);
      return getRound(db, travelTimes, user, request.params.id);
    },
  );

  api.get(
    '/rounds/:id/result',
    { schema: { tags: ['rounds'], summary: 'Who got what, and the reason for every unmet wish', params: idParams, querystring: page } },
    async (request) => roundResult(db, requireUser(request), request.params.id, request.query),
  );
}
