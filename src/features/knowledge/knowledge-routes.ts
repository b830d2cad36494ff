import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TABLE_CONTENT_TYPES, writeTableFile } from '../../server/files/table-file.js';
import type { IndicatorCache } from './indicator-cache.js';
import { INDICATOR_COLUMNS, indicatorRows } from './indicator-table.js';

export async function knowledgeRoutes(app: FastifyInstance, { indicators }: { indicators: IndicatorCache }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions/:id/indicators',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Per municipality: the 16–18-year-olds now and projected, travel minutes to the nearest lukio and vocational offering, offerings within reach; region shares within 30/45/60 min',
        params: z.object({ id: z.coerce.number().int().positive() }),
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
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (request, reply) => {
      const data = await indicators.get(request.params.id);
      const file = await writeTableFile(indicatorRows(data), INDICATOR_COLUMNS, request.query.format, 'indicators');
      return reply
        .header('content-type', TABLE_CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="indicators-${data.region.code}.${request.query.format}"`)
        .send(file);
    },
  );
}
