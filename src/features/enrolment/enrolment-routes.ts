import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { requireUser } from '../auth/auth-plugin.js';
import { findEnrolment, listEnrolments } from './enrolment-queries.js';
import { requestEnrolment, transitionEnrolment } from './enrolment-service.js';
import { ENROLMENT_STATUSES } from './enrolment-states.js';
import { studyRecord, studyRecordCsv } from './study-record.js';
import { INT4_MAX, idParams, idSchema, wholeNumberParam } from '../../server/http/input-schemas.js';

export async function enrolmentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/enrolments',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'A student requests a seat on a partner\'s offering',
        body: z.object({ offeringId: idSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await requestEnrolment(db, requireUser(request), request.body.offeringId)),
  );

  api.post(
    '/enrolments/:id/transitions',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'One step of the workflow by the person allowed to take it (403 otherwise; 409 for a step the workflow has not)',
        params: idParams,
        body: z.object({
          to: z.enum(ENROLMENT_STATUSES),
          reason: z.string().trim().max(1000).optional(),
          grade: z.string().trim().min(1).max(20).optional(),
          credits: z.number().min(0).max(1000).optional(),
        }),
      },
    },
    async (request) => {
      const { to, reason, grade, credits } = request.body;
      const completion = grade !== undefined && credits !== undefined ? { grade, credits } : undefined;
      return transitionEnrolment(db, requireUser(request), request.params.id, to, reason, completion);
    },
  );

  api.get(
    '/enrolments/:id',
    { schema: { tags: ['enrolment'], summary: 'One enrolment with its audit log', params: idParams } },
    async (request) => findEnrolment(db, requireUser(request), request.params.id),
  );

  api.get(
    '/enrolments',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Enrolments that concern the signed-in user',
        querystring: z.object({
          status: z.enum(ENROLMENT_STATUSES).optional(),
          limit: wholeNumberParam(1, 200).default(50),
          offset: wholeNumberParam(0, INT4_MAX).default(0),
        }),
      },
    },
    async (request) => listEnrolments(db, requireUser(request), request.query),
  );

  api.get(
    '/students/:id/record',
    {
      schema: {
        tags: ['enrolment'],
        summary: "Credits a student completed at partner providers, as JSON or as CSV for the home school's records",
        params: idParams,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      },
    },
    async (request, reply) => {
      const entries = await studyRecord(db, requireUser(request), request.params.id);
      if (request.query.format === 'json') return { items: entries, total: entries.length };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="study-record-${request.params.id}.csv"`)
        .send(studyRecordCsv(entries));
    },
  );
}
