import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../server/db/database.js';
import { requireUser } from '../auth/auth-plugin.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { addSchoolFromRegister, createOrganization, createSite, organizationCreateSchema, schoolFromRegisterSchema, siteCreateSchema } from './organization-writes.js';

/** Organizations (admin) and their teaching sites (admin, or the organization's own coordinator). */
export async function providerRoutes(app: FastifyInstance, { db, travelTimes }: { db: Db; travelTimes: SiteTravelTimes }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/organizations',
    { schema: { tags: ['tray'], summary: 'Add an organization to a region (admin)', body: organizationCreateSchema } },
    async (request, reply) => reply.code(201).send(await createOrganization(db, requireUser(request), request.body)),
  );

  api.post(
    '/organizations/from-school',
    {
      schema: {
        tags: ['tray'],
        summary: 'Add a school of the national register (GET /schools) to a region: the school and its site at the register\'s coordinates (admin)',
        body: schoolFromRegisterSchema,
      },
    },
    async (request, reply) => {
      const created = await addSchoolFromRegister(db, requireUser(request), request.body);
      travelTimes.invalidate();
      return reply.code(201).send(created);
    },
  );

  api.post(
    '/sites',
    {
      schema: {
        tags: ['tray'],
        summary: 'Add a teaching site; without coordinates it stands at the municipality centre, marked approximate',
        body: siteCreateSchema,
      },
    },
    async (request, reply) => {
      const site = await createSite(db, requireUser(request), request.body);
      travelTimes.invalidate();
      return reply.code(201).send(site);
    },
  );
}
