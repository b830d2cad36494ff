import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { requireUser } from '../auth/auth-plugin.js';
import { listTimeFrames, replaceTimeFrame, setAdoption } from './time-frame.js';
import { timeFrameSchema } from './time-frame-schema.js';
import { idParam } from '../../server/http/input-schemas.js';

export async function timeFrameRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:id/time-frames',
    { schema: { tags: ['timetable'], summary: 'The region’s shared time frames: periods, timetable bars and who has adopted them', params: z.object({ id: idParam }) } },
    async (request) => listTimeFrames(db, request.params.id),
  );

  api.put(
    '/regions/:id/time-frames/:academicYear',
    {
      schema: {
        tags: ['timetable'],
        summary: 'Define the region’s time frame for a school year (admin); offerings on its bars move with them',
        params: z.object({ id: idParam, academicYear: z.string().regex(/^\d{4}-\d{4}$/) }),
        body: timeFrameSchema,
      },
    },
    async (request) => {
      await replaceTimeFrame(db, requireUser(request), request.params.id, request.params.academicYear, request.body);
      return listTimeFrames(db, request.params.id);
    },
  );

  const adoption = { schema: { tags: ['timetable'], params: z.object({ id: idParam, organizationId: idParam }) } };
  api.put('/time-frames/:id/adopters/:organizationId', { ...adoption, schema: { ...adoption.schema, summary: 'A school or provider adopts the time frame' } }, async (request, reply) => {
    await setAdoption(db, requireUser(request), request.params.id, request.params.organizationId, true);
    return reply.code(204).send();
  });
  api.delete('/time-frames/:id/adopters/:organizationId', { ...adoption, schema: { ...adoption.schema, summary: 'Leave the time frame (when no offering uses its bars)' } }, async (request, reply) => {
    await setAdoption(db, requireUser(request), request.params.id, request.params.organizationId, false);
    return reply.code(204).send();
  });
}
