import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { forbidden, notFound } from '../../server/http/errors.js';
import { requireUser } from '../auth/auth-plugin.js';
import { spansRegions } from '../auth/roles.js';
import type { AuditActor } from '../privacy/audit-log.js';
import { KOPA_PILOT_REGIONS } from './kopa-pilot-regions.js';
import { createRegion, createRegionFromTemplate, regionCreateSchema, regionFromTemplateSchema, templateMunicipalityCodes } from './region-writes.js';
import { listMunicipalities, listRegions } from './region-queries.js';
import { changeRegionSettings, regionSettingsSchema, requireRegionAdmin } from './region-settings.js';
import { searchSchoolRegister } from './school-register.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { idParam } from '../../server/http/input-schemas.js';

const createdSchema = z.object({ id: z.number().int() });

export async function regionRoutes(app: FastifyInstance, { db, travelTimes }: { db: Db; travelTimes: SiteTravelTimes }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/municipalities',
    {
      schema: {
        tags: ['region'],
        summary: 'All municipalities of Finland (2026 division), or those of one region',
        querystring: z.object({ region: idParam.optional() }),
      },
    },
    async (request) => {
      const items = await listMunicipalities(db, request.query.region);
      return { items, total: items.length };
    },
  );

  api.get(
    '/schools',
    {
      schema: {
        tags: ['region'],
        summary: 'Schools of the national register with their coordinates, found by name (20 at most); `region` keeps its municipalities\' schools',
        querystring: z.object({ q: z.string().trim().min(2).max(100), region: idParam.optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), municipalityCode: z.string(), postalCode: z.string(), lat: z.number(), lon: z.number() })),
          }),
        },
      },
    },
    async (request) => {
      const { q, region } = request.query;
      const municipalityCodes = region === undefined ? undefined : (await listMunicipalities(db, region)).map((m) => m.code);
      return { items: searchSchoolRegister(q, { municipalityCodes, limit: 20 }) };
    },
  );

  api.get('/regions', { schema: { tags: ['region'], summary: 'Cooperation regions' } }, async () => {
    const items = await listRegions(db);
    return { items, total: items.length };
  });

  /** Only a system admin creates regions; a region's own admin manages it. */
  const requireSystemAdmin = (request: FastifyRequest): AuditActor => {
    const user = requireUser(request);
    if (!spansRegions(user)) throw forbidden('Only a system admin creates regions');
    return { kind: 'person', user };
  };

  api.post(
    '/regions',
    { schema: { tags: ['region'], summary: 'Create a cooperation region with its member municipalities (system admin)', body: regionCreateSchema, response: { 201: createdSchema } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      return reply.code(201).send(await createRegion(db, actor, request.body));
    },
  );

  api.post(
    '/regions/from-template',
    {
      schema: {
        tags: ['region'],
        summary: 'Create a region from a KOPA pilot template, with its municipalities and named providers (system admin)',
        body: regionFromTemplateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      return reply.code(201).send(await createRegionFromTemplate(db, actor, request.body));
    },
  );

  api.get(
    '/regions/templates',
    {
      schema: {
        tags: ['region'],
        summary: 'The 12 KOPA pilot regions, as templates for a new region (system admin)',
        description: 'Each with its member municipalities (today\'s codes; a former municipality by the one it joined) and the providers the KOPA network names.',
      },
    },
    async (request) => {
      requireSystemAdmin(request);
      const codesOf = await templateMunicipalityCodes(db);
      const items = KOPA_PILOT_REGIONS.map((template) => ({
        key: template.key,
        nameFi: template.nameFi,
        municipalityCodes: codesOf(template),
        providers: template.providers,
      }));
      return { items, total: items.length };
    },
  );

  api.get(
    '/regions/:id',
    { schema: { tags: ['region'], summary: 'One region', params: z.object({ id: idParam }) } },
    async (request) => {
      const region = (await listRegions(db)).find((r) => r.id === request.params.id);
      if (!region) throw notFound('Region');
      return region;
    },
  );

  api.patch(
    '/regions/:id/settings',
    {
      schema: {
        tags: ['region'],
        summary: 'Change the region\'s travel-time estimate (circuity, average speed, overhead minutes) and daily travel limit (its admins)',
        description: 'Only the settings given change. The knowledge base and travel times follow at once.',
        params: z.object({ id: idParam }),
        body: regionSettingsSchema,
        response: {
          200: z.object({ travelCircuity: z.number(), travelSpeedKmh: z.number(), travelOverheadMinutes: z.number(), dailyTravelLimitMinutes: z.number() }),
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireRegionAdmin(db, user, request.params.id);
      const settings = await changeRegionSettings(db, { kind: 'person', user }, request.params.id, request.body);
      travelTimes.invalidate();
      return settings;
    },
  );
}
