import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { csvSeparatorSchema } from '../../server/files/table-file.js';
import { acceptTableUploads, TABLE_UPLOAD_LIMIT, uploadedTable } from '../../server/files/table-upload.js';
import { notFound } from '../../server/http/errors.js';
import { requireUser } from '../auth/auth-plugin.js';
import { municipalityCodeSchema } from '../region/municipality-code.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { CONTENT_TYPES, writeOfferingFile } from './offering-export.js';
import { importOfferings, readOfferingFile } from './offering-import.js';
import { offeringCreateSchema, offeringPatchSchema } from './offering-schema.js';
import { countOfferingGroups, findOffering, offeringSearchSchema, searchOfferings, type OfferingSearch } from './offering-search.js';
import { searchOfferingSites } from './offering-map.js';
import { createOffering, managedProvider, updateOffering } from './offering-writes.js';
import { canSeeOffering, requireWithdrawnListing } from './offering-visibility.js';
import { listOrganizations, listSites } from './catalog-queries.js';
import { idParam, idParams, wholeNumberParam } from '../../server/http/input-schemas.js';

export interface CatalogRouteOptions {
  db: Db;
  travelTimes: SiteTravelTimes;
}

const homeQuery = z.object({ home: municipalityCodeSchema.optional() });
const EXPORT_LIMIT = 100_000;

export async function catalogRoutes(app: FastifyInstance, { db, travelTimes }: CatalogRouteOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  await acceptTableUploads(app);

  /** A read of the tray by a search's filters: withdrawn offerings only for those who manage the provider. */
  const searchRoute = (path: string, summary: string, description: string, answer: (search: OfferingSearch) => Promise<unknown>) =>
    api.get(path, { schema: { tags: ['tray'], summary, description, querystring: offeringSearchSchema } }, async (request) => {
      if (request.query.includeWithdrawn) await requireWithdrawnListing(db, request.user, request.query.provider);
      return answer(request.query);
    });

  searchRoute(
    '/offerings',
    'Search the course tray',
    'With `home` and `maxMinutes`, only offerings reachable from the home municipality within that time, plus every remote and online offering. ' +
      '`includeWithdrawn` lists withdrawn offerings too, only to those who manage the `provider` filtered by (403 otherwise).',
    (search) => searchOfferings(db, travelTimes, search),
  );
  searchRoute(
    '/offerings/sites',
    'Sites of the matching offerings, for the map',
    'At most 100 sites: with `home`, the nearest that hold matches (within `maxMinutes`); without, those of the first 3,000 matches. `complete` is false when sites were left out.',
    (search) => searchOfferingSites(db, travelTimes, search),
  );
  searchRoute(
    '/offerings/groups',
    'Matching offerings counted by education form and field',
    'The outline of "what can I study living in X": the same filters as `/offerings`, every match counted.',
    async (search) => ({ items: await countOfferingGroups(db, travelTimes, search) }),
  );

  api.get(
    '/offerings/export',
    {
      schema: {
        tags: ['tray'],
        summary: 'Matching offerings as a CSV or XLSX file (the import format)',
        querystring: offeringSearchSchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), separator: csvSeparatorSchema }),
      },
    },
    async (request, reply) => {
      const { format, separator, ...search } = request.query;
      if (search.includeWithdrawn) await requireWithdrawnListing(db, request.user, search.provider);
      const { items } = await searchOfferings(db, travelTimes, { ...search, limit: EXPORT_LIMIT, offset: 0, sort: 'code' });
      const file = await writeOfferingFile(items, format, separator);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="offerings.${format}"`)
        .send(file);
    },
  );

  api.post(
    '/offerings/import',
    {
      bodyLimit: TABLE_UPLOAD_LIMIT,
      schema: {
        tags: ['tray'],
        summary: 'Import a provider\'s offerings from CSV or XLSX; all rows or none',
        querystring: z.object({ provider: idParam.optional() }),
      },
    },
    async (request) => {
      const providerId = await managedProvider(db, requireUser(request), request.query.provider, 'querystring.provider');
      const { content, format } = await uploadedTable(request);
      const rows = await readOfferingFile(content, format);
      return importOfferings(db, providerId, rows);
    },
  );

  api.get(
    '/offerings/:id',
    { schema: { tags: ['tray'], summary: 'One offering', params: idParams, querystring: homeQuery } },
    async (request) => {
      const offering = await findOffering(db, travelTimes, request.params.id, request.query.home);
      if (!offering || !(await canSeeOffering(db, request.user, offering))) throw notFound('Offering');
      return offering;
    },
  );

  api.post(
    '/offerings',
    { schema: { tags: ['tray'], summary: 'Publish an offering (coordinator: own organization)', body: offeringCreateSchema } },
    async (request, reply) => {
      const { providerId, ...fields } = request.body;
      const id = await createOffering(db, requireUser(request), fields, providerId);
      return reply.code(201).send(await findOffering(db, travelTimes, id));
    },
  );

  api.patch(
    '/offerings/:id',
    {
      schema: {
        tags: ['tray'],
        summary: 'Edit or withdraw an offering (coordinator: own organization)',
        params: idParams,
        body: offeringPatchSchema,
      },
    },
    async (request) => {
      await updateOffering(db, requireUser(request), request.params.id, request.body);
      return findOffering(db, travelTimes, request.params.id);
    },
  );

  api.get(
    '/organizations',
    {
      schema: {
        tags: ['tray'],
        summary: 'Organizations of the regions',
        querystring: z.object({ region: idParam.optional(), kind: z.string().optional() }),
      },
    },
    async (request) => {
      const items = await listOrganizations(db, request.query);
      return { items, total: items.length };
    },
  );

  api.get(
    '/sites',
    {
      schema: {
        tags: ['tray'],
        summary: 'Teaching sites',
        querystring: z.object({
          region: idParam.optional(),
          organization: idParam.optional(),
        }),
      },
    },
    async (request) => {
      const items = await listSites(db, request.query);
      return { items, total: items.length };
    },
  );
}
