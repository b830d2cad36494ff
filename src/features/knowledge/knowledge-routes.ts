import type { FeatureCollection } from 'geojson';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvSeparatorSchema, TABLE_CONTENT_TYPES, writeTableFile } from '../../server/files/table-file.js';
import type { IndicatorCache } from './indicator-cache.js';
import { INDICATOR_COLUMNS, indicatorRows } from './indicator-table.js';
import { readReferenceFile } from '../region/reference-data.js';
import type { Db } from '../../server/db/database.js';
import en from '../../web/i18n/en.json' with { type: 'json' };
import fi from '../../web/i18n/fi.json' with { type: 'json' };
import sv from '../../web/i18n/sv.json' with { type: 'json' };
import { starterPackPdf } from './starter-pack-report.js';
import { idParam } from '../../server/http/input-schemas.js';

const REPORT_TEXT = { fi: fi.report, sv: sv.report, en: en.report };
let boundaries: FeatureCollection | undefined;
/** The bundled municipal boundaries, read once. */
const municipalBoundaries = () => (boundaries ??= JSON.parse(readReferenceFile('kuntarajat.2023.json')) as FeatureCollection);

export async function knowledgeRoutes(app: FastifyInstance, { db, indicators }: { db: Db; indicators: IndicatorCache }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:id/indicators',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Per municipality: the 16–18-year-olds now and projected, travel minutes to the nearest lukio and vocational offering, offerings within reach; region shares within 30/45/60 min',
        params: z.object({ id: idParam }),
      },
    },
    async (request) => indicators.get(request.params.id),
  );

  api.get(
    '/regions/:id/indicators/export',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'The indicator table as CSV or XLSX',
        params: z.object({ id: idParam }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), separator: csvSeparatorSchema }),
      },
    },
    async (request, reply) => {
      const data = await indicators.get(request.params.id);
      const file = await writeTableFile(indicatorRows(data), INDICATOR_COLUMNS, request.query.format, 'indicators', request.query.separator);
      return reply
        .header('content-type', TABLE_CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="indicators-${data.region.code}.${request.query.format}"`)
        .send(file);
    },
  );

  api.get(
    '/regions/:id/report.pdf',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'The region’s statistics starter pack as a PDF: cohorts and projection, accessibility, a map, method, sources and licences',
        params: z.object({ id: idParam }),
        querystring: z.object({ lang: z.enum(['fi', 'sv', 'en']).default('fi') }),
      },
    },
    async (request, reply) => {
      const data = await indicators.get(request.params.id);
      const sites = await db.selectFrom('site').select(['lat', 'lon']).where('region_id', '=', request.params.id).execute();
      const { lang } = request.query;
      const name = lang === 'sv' ? data.region.nameSv : lang === 'en' ? data.region.nameEn : data.region.nameFi;
      const pdf = await starterPackPdf(data, municipalBoundaries(), sites, REPORT_TEXT[lang], name, new Date());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="starter-pack-${data.region.code}.pdf"`)
        .send(pdf);
    },
  );
}
