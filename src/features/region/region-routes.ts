import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { notFound } from '../../server/http/errors.js';
import { listMunicipalities, listRegions } from './region-queries.js';
import { idParam } from '../../server/http/input-schemas.js';

export async function regionRoutes(app: FastifyInstance, { db }: { db: Db }) {
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

  api.get('/regions', { schema: { tags: ['region'], summary: 'Cooperation regions' } }, async () => {
    const items = await listRegions(db);
    return { items, total: items.length };
  });

  api.get(
    '/regions/:id',
    { schema: { tags: ['region'], summary: 'One region', params: z.object({ id: idParam }) } },
    async (request) => {
      const region = (await listRegions(db)).find((r) => r.id === request.params.id);
      if (!region) throw notFound('Region');
      return region;
    },
  );
}
