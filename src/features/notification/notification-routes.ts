import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { notFound } from '../../server/http/errors.js';
import { requireUser } from '../auth/auth-plugin.js';
import { idParam, wholeNumberParam } from '../../server/http/input-schemas.js';

export async function notificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/notifications',
    {
      schema: {
        tags: ['notification'],
        summary: "The signed-in user's notifications, newest first",
        querystring: z.object({ limit: wholeNumberParam(1, 100).default(20) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const [items, unread] = await Promise.all([
        db
          .selectFrom('notification as n')
          .leftJoin('enrolment as e', 'e.id', 'n.enrolment_id')
          .leftJoin('offering as o', 'o.id', 'e.offering_id')
          .select(['n.id', 'n.enrolment_id', 'n.status', 'n.created_at', 'n.read_at', 'o.course_code'])
          .where('n.user_id', '=', user.id)
          .orderBy('n.id', 'desc')
          .limit(request.query.limit)
          .execute(),
        db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('read_at', 'is', null).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((n) => ({ id: n.id, enrolmentId: n.enrolment_id, status: n.status, courseCode: n.course_code, createdAt: n.created_at, readAt: n.read_at })),
        unread: Number(unread.n),
      };
    },
  );

  api.post(
    '/notifications/:id/read',
    { schema: { tags: ['notification'], summary: 'Mark a notification read', params: z.object({ id: idParam }) } },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await db
        .updateTable('notification')
        .set({ read_at: new Date() })
        .where('id', '=', request.params.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('Notification');
      return reply.code(204).send();
    },
  );
}
