import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { acceptTableUploads, TABLE_UPLOAD_LIMIT, uploadedTable } from '../../server/files/table-upload.js';
import { idParam, idParams, wholeNumberParam } from '../../server/http/input-schemas.js';
import { requireUser } from '../auth/auth-plugin.js';
import { listCourses } from './catalog-queries.js';
import { bundledCodeSet, nationalImportSchema, selectCodes, writeNationalCourses } from './code-sets/national-courses.js';
import { readUnitElements, readUnitFile } from './code-sets/qualification-unit-file.js';
import { courseSchema } from './course-dto.js';
import { FIELDS } from './vocabulary.js';
import { addLocalCourse, coursePatchSchema, localCourseSchema, requireCourseRegion, requireEditableCourse, setCourseCredits } from './course-writes.js';

const unitImportQuery = z.object({
  region: idParam,
  osp: z.coerce.number().positive().max(300).optional().describe('the scope of new units the file gives none (a Koodisto JSON carries none)'),
  field: z.enum(FIELDS).optional().describe('the field of education of new units the file names none'),
  qualification: z.string().trim().min(2).max(200).optional().describe('the qualification of units the file names none'),
});

const importCountsSchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

async function readUnitUpload(request: FastifyRequest) {
  const { content, format } = await uploadedTable(request);
  return readUnitFile(content, format);
}

/** The region's course catalogue: read by all, written by its admins and its providers' coordinators. */
export async function courseRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await acceptTableUploads(app);

  api.get(
    '/courses',
    {
      schema: {
        tags: ['tray'],
        summary: 'Courses and modules, each with where its name came from (`nameSource`: a national code set or local)',
        querystring: z.object({
          region: idParam.optional(),
          code: z.string().trim().min(1).max(40).optional(),
          q: z.string().trim().max(100).optional(),
          limit: wholeNumberParam(1, 1000).default(50),
          offset: wholeNumberParam(0, 1_000_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(courseSchema), total: z.number().describe('all matching courses, of which `items` is a page') }) },
      },
    },
    async (request) => listCourses(db, request.query),
  );

  api.post(
    '/courses/national',
    {
      schema: {
        tags: ['tray'],
        summary: 'Import courses from a national code set (all its codes, or the listed ones), named as the set names them',
        description: 'A code the region has already takes the set\'s names; its scope stays. One write or none: an unknown code is a 400 at `body.codes.N`.',
        body: nationalImportSchema,
        response: { 200: importCountsSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { regionId, codeSet, codes } = request.body;
      await requireCourseRegion(db, user, regionId);
      const elements = selectCodes(bundledCodeSet(codeSet), codes);
      return db.transaction().execute((tx) => writeNationalCourses(tx, { kind: 'person', user }, regionId, codeSet, elements));
    },
  );

  api.post(
    '/courses/units/import',
    {
      bodyLimit: TABLE_UPLOAD_LIMIT,
      schema: {
        tags: ['tray'],
        summary: 'Import units of vocational qualifications (code set tutkinnonosat) with their osp: a CSV/XLSX list, or the Koodisto JSON; all or none',
        description:
          'A table (as the body or a multipart file; Finnish, Swedish or English headers): code (tutkinnonosat_106727 or 106727), Finnish name, osp; optional Swedish and English names, qualification, field of education (00–10). ' +
          'Or the code set\'s Koodisto JSON (as an application/json body or a file): names as published; new units take `osp` and `field` from the query. ' +
          'An existing unit of the code takes the names, and the osp, qualification and field the file gives. A bad row: 400 with `rows: [{row, field, message}]` and nothing written.',
        querystring: unitImportQuery,
        response: { 200: importCountsSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { region, osp, field, qualification } = request.query;
      await requireCourseRegion(db, user, region, 'query.region');
      const units = Array.isArray(request.body) ? readUnitElements(request.body) : await readUnitUpload(request);
      return db.transaction().execute((tx) => writeNationalCourses(tx, { kind: 'person', user }, region, 'tutkinnonosat', units, { credits: osp, field, qualification }));
    },
  );

  api.post(
    '/courses',
    {
      schema: {
        tags: ['tray'],
        summary: 'Add a local course (paikallinen) under the provider\'s own code',
        body: localCourseSchema,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await requireCourseRegion(db, user, request.body.regionId);
      const created = await db.transaction().execute((tx) => addLocalCourse(tx, { kind: 'person', user }, request.body));
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/courses/:id',
    { schema: { tags: ['tray'], summary: 'Set a course\'s scope (credits): national code sets carry none', params: idParams, body: coursePatchSchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const course = await requireEditableCourse(db, user, request.params.id);
      await db.transaction().execute((tx) => setCourseCredits(tx, { kind: 'person', user }, course, request.body));
      return reply.code(204).send();
    },
  );
}
