import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, notFound } from '../../server/http/errors.js';
import { idParams } from '../../server/http/input-schemas.js';
import { requireUser } from '../auth/auth-plugin.js';
import { canAdministerPerson, type SessionUser } from '../auth/roles.js';
import { recordAudit } from './audit-log.js';
import { erasePerson } from './erasure.js';
import { personData } from './person-data.js';

/** A person the admin may act on (roles.ts); to others, not found. */
async function administeredPerson(db: Db, user: SessionUser, personId: number) {
  const person = await db.selectFrom('app_user').select(['id', 'email', 'role', 'region_id']).where('id', '=', personId).executeTakeFirst();
  if (!person || !canAdministerPerson(user, { id: person.id, role: person.role, regionId: person.region_id })) throw notFound('Person');
  return person;
}

const erasureSummary = z.object({
  closedEnrolments: z.number(),
  planItems: z.number(),
  planComments: z.number(),
  studyRights: z.number(),
  roundWishes: z.number(),
  roundOutcomes: z.number(),
  notifications: z.number(),
  emails: z.number(),
  sessions: z.number(),
});

/** The data subject's rights (docs/data-protection.md): access to one's data, and erasure by an admin. */
export async function privacyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/me/data',
    { schema: { tags: ['privacy'], summary: 'Everything stored about the signed-in person, as JSON (GDPR art. 15)' } },
    async (request, reply) => {
      const user = requireUser(request);
      const data = await personData(db, user.id);
      await recordAudit(db, { kind: 'person', user }, 'export_person_data', { subjectId: user.id, regionId: user.regionId });
      return reply.header('content-disposition', 'attachment; filename="tarjotin-omat-tiedot.json"').send(data);
    },
  );

  api.get(
    '/people/:id/data',
    { schema: { tags: ['privacy'], summary: 'Everything stored about a person of the admin’s region, as JSON', params: idParams } },
    async (request, reply) => {
      const user = requireUser(request);
      const person = await administeredPerson(db, user, request.params.id);
      const data = await personData(db, person.id);
      await recordAudit(db, { kind: 'person', user }, 'export_person_data', { subjectId: person.id, regionId: person.region_id });
      return reply.header('content-disposition', `attachment; filename="tarjotin-person-${person.id}.json"`).send(data);
    },
  );

  api.post(
    '/people/:id/erase',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Erase a person of the admin’s region (GDPR art. 17): completed credits and the audit trail stay, pseudonymised',
        description: 'Destructive: the body repeats the person’s e-mail address as confirmation.',
        params: idParams,
        body: z.object({ confirmEmail: z.string().trim().toLowerCase().max(320) }),
        response: { 200: erasureSummary },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const person = await administeredPerson(db, user, request.params.id);
      if (request.body.confirmEmail !== person.email) {
        throw badRequest([{ path: 'body.confirmEmail', code: 'confirmation_mismatch', message: 'type the person’s e-mail address to confirm' }]);
      }
      return erasePerson(db, person.id, { kind: 'person', user });
    },
  );
}
