import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, forbidden, HttpError, isUniqueViolation } from '../../server/http/errors.js';
import { requireUser } from '../auth/auth-plugin.js';
import { canManageOrganization, isAdmin, isAdminOf } from '../auth/roles.js';
import { isValidBusinessId } from '../region/business-id.js';
import { municipalityCodeSchema as municipalityCode } from '../region/municipality-code.js';
import { findMunicipality } from '../region/region-queries.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { ORGANIZATION_KINDS } from './vocabulary.js';
import { foldForSearch } from './search-text.js';
import { idSchema } from '../../server/http/input-schemas.js';


export const organizationCreateSchema = z.object({
  regionId: idSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string().trim().min(2).max(200),
  businessId: z
    .string()
    .trim()
    .refine(isValidBusinessId, { message: 'not a valid Finnish business ID (1234567-8)', params: { code: 'invalid_business_id' } })
    .nullable()
    .optional(),
  municipalityCode: municipalityCode.nullable().optional(),
});

export const siteCreateSchema = z
  .object({
    organizationId: idSchema,
    name: z.string().trim().min(2).max(200),
    address: z.string().trim().max(300).nullable().optional(),
    municipalityCode,
    lat: z.number().min(59).max(71).optional(),
    lon: z.number().min(19).max(32).optional(),
  })
  .refine((s) => (s.lat === undefined) === (s.lon === undefined), { path: ['lon'], message: 'give both lat and lon, or neither' });

/** Organizations (admin) and their teaching sites (admin, or the organization's own coordinator). */
export async function providerRoutes(app: FastifyInstance, { db, travelTimes }: { db: Db; travelTimes: SiteTravelTimes }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/organizations',
    { schema: { tags: ['tray'], summary: 'Add an organization to a region (admin)', body: organizationCreateSchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      if (!isAdmin(user)) throw forbidden('Only admins add organizations');
      const region = await db.selectFrom('region').select('id').where('id', '=', body.regionId).executeTakeFirst();
      if (!region) throw badRequest([{ path: 'body.regionId', code: 'unknown_region', message: 'no such region' }]);
      if (!isAdminOf(user, region.id)) throw forbidden('You may only add organizations to your own region');
      if (body.municipalityCode && !(await findMunicipality(db, body.municipalityCode))) {
        throw badRequest([{ path: 'body.municipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
      }
      try {
        const row = await db
          .insertInto('organization')
          .values({ region_id: body.regionId, kind: body.kind, name: body.name, business_id: body.businessId ?? null, municipality_code: body.municipalityCode ?? null, search_text: foldForSearch(body.name) })
          .returning(['id', 'region_id', 'kind', 'name', 'business_id', 'municipality_code'])
          .executeTakeFirstOrThrow();
        return reply.code(201).send({ id: row.id, regionId: row.region_id, kind: row.kind, name: row.name, businessId: row.business_id, municipalityCode: row.municipality_code });
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, 'duplicate', 'The region already has an organization of this name', [{ path: 'body.name', code: 'duplicate', message: 'name in use' }]);
        throw error;
      }
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
      const user = requireUser(request);
      const body = request.body;
      const organization = await db.selectFrom('organization').select('region_id').where('id', '=', body.organizationId).executeTakeFirst();
      // An unknown organization is a field error for an admin (below); to anyone else, not theirs.
      if (organization ? !canManageOrganization(user, { id: body.organizationId, regionId: organization.region_id }) : !isAdmin(user)) {
        throw forbidden('You may only add sites of your own organization');
      }
      const municipality = await findMunicipality(db, body.municipalityCode);
      const issues = [
        ...(organization ? [] : [{ path: 'body.organizationId', code: 'unknown_provider', message: 'no such organization' }]),
        ...(municipality?.lat != null ? [] : [{ path: 'body.municipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]),
      ];
      if (!organization || !municipality || issues.length > 0) throw badRequest(issues);
      const exact = body.lat !== undefined && body.lon !== undefined;
      try {
        const row = await db
          .insertInto('site')
          .values({
            region_id: organization.region_id,
            organization_id: body.organizationId,
            name: body.name,
            address: body.address ?? null,
            municipality_code: body.municipalityCode,
            lat: exact ? body.lat! : municipality.lat!,
            lon: exact ? body.lon! : municipality.lon!,
            location_approximate: !exact,
          })
          .returning(['id', 'region_id', 'organization_id', 'name', 'address', 'municipality_code', 'lat', 'lon', 'location_approximate'])
          .executeTakeFirstOrThrow();
        travelTimes.invalidate();
        return reply.code(201).send({
          id: row.id,
          regionId: row.region_id,
          organizationId: row.organization_id,
          name: row.name,
          address: row.address,
          municipalityCode: row.municipality_code,
          lat: row.lat,
          lon: row.lon,
          locationApproximate: row.location_approximate,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, 'duplicate', 'The organization already has a site of this name', [{ path: 'body.name', code: 'duplicate', message: 'name in use' }]);
        throw error;
      }
    },
  );
}
