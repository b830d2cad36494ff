import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { requireUser } from '../auth/auth-plugin.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { addPlanComment, getStudyPlan, replacePlan } from './study-plan.js';
import { idParam, idSchema } from '../../server/http/input-schemas.js';

const studentParams = z.object({ id: idParam });

export async function planRoutes(app: FastifyInstance, { db, travelTimes }: { db: Db; travelTimes: SiteTravelTimes }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/students/:id/plan',
    { schema: { tags: ['plan'], summary: 'Study plan (HOPS): credits per study right, clashes, travel, what needs an enrolment', params: studentParams } },
    async (request) => getStudyPlan(db, travelTimes, requireUser(request), request.params.id),
  );

  api.put(
    '/students/:id/plan',
    {
      schema: {
        tags: ['plan'],
        summary: 'Replace the planned offerings (the student)',
        params: studentParams,
        body: z.object({ offeringIds: z.array(idSchema).max(300) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      await replacePlan(db, user, request.params.id, request.body.offeringIds);
      return getStudyPlan(db, travelTimes, user, request.params.id);
    },
  );

  api.post(
    '/students/:id/plan/comments',
    {
      schema: {
        tags: ['plan'],
        summary: 'Comment on a study plan (the student or their counsellor)',
        params: studentParams,
        body: z.object({ body: z.string().trim().min(1).max(2000) }),
      },
    },
    async (request, reply) => reply.code(201).send(await addPlanComment(db, requireUser(request), request.params.id, request.body.body)),
  );
}
