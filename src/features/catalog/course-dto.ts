import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { CourseTable } from '../../server/db/schema.js';

/** A course as the API gives it: with where its name came from (a national code set, or local). */
export const courseSchema = z.object({
  id: z.number(),
  regionId: z.number(),
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  educationForm: z.string(),
  field: z.string(),
  credits: z.number(),
  creditUnit: z.string(),
  qualification: z.string().nullable(),
  nameSource: z.enum(['national', 'local']),
  codeSet: z.string().nullable(),
});

export const courseOut = (c: Selectable<CourseTable>): z.infer<typeof courseSchema> => ({
  id: c.id,
  regionId: c.region_id,
  code: c.code,
  nameFi: c.name_fi,
  nameSv: c.name_sv,
  nameEn: c.name_en,
  educationForm: c.education_form,
  field: c.field,
  credits: c.credits,
  creditUnit: c.credit_unit,
  qualification: c.qualification,
  nameSource: c.name_source,
  codeSet: c.code_set,
});
