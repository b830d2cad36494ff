import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, forbidden, HttpError, notFound } from '../../server/http/errors.js';
import { idParam } from '../../server/http/input-schemas.js';
import { requireUser } from '../auth/auth-plugin.js';
import { canUpdateRegionStatistics } from '../auth/roles.js';
import { recordAudit } from '../privacy/audit-log.js';
import { importPopulation } from './population-import.js';
import { POPULATION_NOTE_CODES } from './population-rows.js';

/** A statistics download: a region's single-year table is well under a megabyte, the whole country's a few. */
const POPULATION_BODY_LIMIT = 10 * 1024 * 1024;

const importResult = z.object({
  written: z.number().int(),
  skippedAggregates: z.number().int(),
  skippedOutsideRegion: z.number().int(),
  encoding: z.enum(['utf-8', 'utf-16le', 'windows-1252']),
  notes: z.array(z.object({ code: z.enum(POPULATION_NOTE_CODES), count: z.number().int(), message: z.string() })),
});

export async function populationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  api.post(
    '/regions/:id/population/import',
    {
      bodyLimit: POPULATION_BODY_LIMIT,
      schema: {
        tags: ['knowledge'],
        summary: "Import population figures for the region's municipalities from a statistics file (PxWeb CSV or JSON-stat, Sotkanet or Paavo CSV); every figure is checked first, and a file with any problem changes nothing",
        params: z.object({ id: idParam }),
        response: { 200: importResult },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await db.selectFrom('region').select('id').where('id', '=', request.params.id).executeTakeFirst();
      if (!region) throw notFound('Region');
      if (!canUpdateRegionStatistics(user, region.id)) throw forbidden("Only the region's admins and planners import its statistics");
      if (!Buffer.isBuffer(request.body)) throw badRequest([{ path: 'body', code: 'file_required', message: 'send the file as text/csv or application/octet-stream' }]);
      if (request.body.length === 0) throw new HttpError(400, 'empty_file', 'The file is empty');
      const municipalities = await db.selectFrom('region_municipality').select('municipality_code').where('region_id', '=', region.id).execute();
      // Who uploaded goes to the audit trail (by id), not into the national table beside the figures.
      const result = await importPopulation(
        db,
        { name: 'upload', content: request.body },
        { source: `upload for region ${region.id}`, onlyMunicipalities: new Set(municipalities.map((m) => m.municipality_code)) },
      );
      await recordAudit(db, { kind: 'person', user }, 'import_population', { regionId: region.id, detail: { written: result.written } });
      return result;
    },
  );
}
