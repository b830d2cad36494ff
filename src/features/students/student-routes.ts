import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { readTableRecords } from '../../server/files/table-records.js';
import { acceptTableUploads, TABLE_UPLOAD_LIMIT, uploadedTable } from '../../server/files/table-upload.js';
import { idParams, wholeNumberParam } from '../../server/http/input-schemas.js';
import { requireUser } from '../auth/auth-plugin.js';
import { studentHeader } from './student-file.js';
import { importStudents, requireStudentSchool } from './student-import.js';
import { correctStudent, listStudents, studentCorrectionSchema } from './student-roster.js';

/** A school's students: imported from its administration system, listed and corrected by its counsellors. */
export async function studentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await acceptTableUploads(app);

  api.post(
    '/organizations/:id/students/import',
    {
      bodyLimit: TABLE_UPLOAD_LIMIT,
      schema: {
        tags: ['people'],
        summary: 'Import a school\'s students and study rights from its administration system (CSV or XLSX, as the body or a multipart file); all rows or none',
        description:
          'Columns (Finnish, Swedish or English headers, as Wilma and Primus export them): name (or last name and first names), e-mail, date of birth and/or student number, ' +
          'programme (lukio, or a qualification such as "Logistiikan perustutkinto"; both joined with +), start date, home municipality (code or name; a former municipality counts as the one it joined). ' +
          'A student of the school is updated by student number, else by e-mail. A bad row: 400 with `rows: [{row, field, message}]` and nothing written.',
        params: idParams,
        response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const school = await requireStudentSchool(db, user, request.params.id);
      const { content, format } = await uploadedTable(request);
      return importStudents(db, user, school, await readTableRecords(content, format, studentHeader));
    },
  );

  api.get(
    '/organizations/:id/students',
    {
      schema: {
        tags: ['people'],
        summary: 'A school\'s students by name, 50 a page, with their study rights (its counsellors and its region\'s admins)',
        params: idParams,
        querystring: z.object({ q: z.string().trim().max(100).optional(), page: wholeNumberParam(1, 100_000).default(1) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return listStudents(db, user, await requireStudentSchool(db, user, request.params.id), request.query);
    },
  );

  api.patch(
    '/students/:id',
    { schema: { tags: ['people'], summary: 'Correct a student\'s name, e-mail, student number, date of birth or home municipality', params: idParams, body: studentCorrectionSchema } },
    async (request, reply) => {
      await correctStudent(db, requireUser(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
}
