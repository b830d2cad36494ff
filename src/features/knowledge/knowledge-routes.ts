import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IndicatorCache } from './indicator-cache.js';

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
}
