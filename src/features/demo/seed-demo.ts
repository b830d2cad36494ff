import { parse } from 'csv-parse/sync';
import type { Db } from '../../server/db/database.js';
import { hashPassword } from '../auth/password.js';
import { offeringFieldsSchema } from '../catalog/offering-schema.js';
import { offeringColumns } from '../catalog/offering-writes.js';
import { foldForSearch } from '../catalog/search-text.js';
import { bundledCodeSet, selectCodes, writeNationalCourses } from '../catalog/code-sets/national-courses.js';
import { readUnitFile } from '../catalog/code-sets/qualification-unit-file.js';
import { addLocalCourse, localCourseSchema, setCourseCredits } from '../catalog/course-writes.js';
import { readReferenceFile } from '../region/reference-data.js';
import {
  COMPREHENSIVE_SCHOOL_CODES,
  DEMO_PROVIDERS,
  KEMI_TORNIONLAAKSO_MUNICIPALITIES,
  LAPPI_MUNICIPALITIES,
  LUKIO_SCHOOL_CODES,
} from './lappi-organizations.js';
import { EXTRA_DEMO_STUDENTS, seedDemoEnrolments, seedDemoPlans } from './lappi-enrolments.js';
import { seedDemoRound } from './lappi-round.js';
import { seedDemoTimeFrame } from './lappi-time-frame.js';
import { buildLappiOfferings } from './lappi-offerings.js';
import { LUKIO_CREDIT_CORRECTIONS, LUKIO_MODULE_CODES } from './lukio-modules.js';
import type { DemoCourse } from './demo-course.js';
import { ADULT_COURSES, COMPREHENSIVE_COURSES, HIGHER_COURSES } from './other-courses.js';
import { vocationalUnitsCsv } from './vocational-units.js';

export const DEMO_REGION_CODE = 'lappi';
export const DEMO_PASSWORD = 'demo-salasana-2026';

/** Demo accounts, one per role; listed in the README. */
export const DEMO_USERS = [
  { email: 'admin@tarjotin.example', name: 'Ylläpitäjä (demo)', role: 'admin', organizationKey: null, home: null },
  { email: 'koordinaattori.lappia@tarjotin.example', name: 'Liisa Koordinaattori (demo)', role: 'coordinator', organizationKey: 'lappia', home: null },
  { email: 'koordinaattori.redu@tarjotin.example', name: 'Risto Koordinaattori (demo)', role: 'coordinator', organizationKey: 'redu', home: null },
  { email: 'opo.pello@tarjotin.example', name: 'Outi Opinto-ohjaaja (demo)', role: 'counsellor', organizationKey: 'school-00640', home: null },
  { email: 'opiskelija.pello@tarjotin.example', name: 'Oona Opiskelija (demo)', role: 'student', organizationKey: 'school-00640', home: '854' },
  { email: 'suunnittelija.pello@tarjotin.example', name: 'Pekka Suunnittelija (demo)', role: 'planner', organizationKey: 'pello', home: null },
  { email: 'tyoelama@tarjotin.example', name: 'Tiina Työelämä (demo)', role: 'worklife', organizationKey: 'konepaja', home: null },
] as const;

type SchoolRow = { code: string; name: string; municipality_code: string; lat: string; lon: string };

/** The demo's courses outside the national code sets: local ones, each under the demo's own code. */
const LOCAL_COURSES = [
  { courses: ADULT_COURSES, educationForm: 'liberal_adult', creditUnit: 'op' },
  { courses: HIGHER_COURSES, educationForm: 'higher', creditUnit: 'op' },
  { courses: COMPREHENSIVE_COURSES, educationForm: 'comprehensive', creditUnit: 'op' },
] as const;

/**
 * The region's courses as a region's providers make them: lukio modules from the national code
 * set, vocational units from the providers' unit list (a CSV, read as an upload is), the rest local.
 */
async function addDemoCourses(tx: Db, regionId: number) {
  const seeder = { kind: 'cli' } as const;
  await writeNationalCourses(tx, seeder, regionId, 'moduulikoodistolops2021', selectCodes(bundledCodeSet('moduulikoodistolops2021'), [...LUKIO_MODULE_CODES]));
  await writeNationalCourses(tx, seeder, regionId, 'tutkinnonosat', await readUnitFile(Buffer.from(vocationalUnitsCsv()), 'csv'));
  for (const { courses, educationForm, creditUnit } of LOCAL_COURSES) {
    for (const c of courses as readonly DemoCourse[]) {
      const input = localCourseSchema.parse({ regionId, code: c.code, nameFi: c.fi, nameSv: c.sv, nameEn: c.en, educationForm, field: c.field, credits: c.credits, creditUnit });
      await addLocalCourse(tx, seeder, input);
    }
  }
  const courses = await tx.selectFrom('course').select(['id', 'code']).where('region_id', '=', regionId).execute();
  const courseIds = new Map(courses.map((c) => [c.code, c.id]));
  for (const [code, credits] of LUKIO_CREDIT_CORRECTIONS) {
    await setCourseCredits(tx, seeder, { id: courseIds.get(code)!, regionId }, { credits });
  }
  return courseIds;
}

/** Loads the Lappi demo region once; later calls find it and do nothing. Returns whether it loaded. */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('region').select('id').where('code', '=', DEMO_REGION_CODE).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const schools: SchoolRow[] = parse(readReferenceFile('fi_schools_all.csv'), { columns: true });
  const centres = new Map(
    (await db.selectFrom('municipality').select(['code', 'lat', 'lon']).execute()).map((m) => [m.code, m]),
  );

  await db.transaction().execute(async (tx) => {
    const region = await tx
      .insertInto('region')
      .values({ code: DEMO_REGION_CODE, name_fi: 'Lappi', name_sv: 'Lappland', name_en: 'Lapland', travel_circuity: 1.2, travel_speed_kmh: 80, travel_overhead_minutes: 5, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pilot = await tx
      .insertInto('region')
      .values({ code: 'kemi-tornionlaakso', name_fi: 'Kemi-Tornionlaakso', name_sv: 'Kemi-Torneådalen', name_en: 'Kemi-Tornio valley', travel_circuity: 1.2, travel_speed_kmh: 80, travel_overhead_minutes: 5, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('region_municipality')
      .values([
        ...LAPPI_MUNICIPALITIES.map((code) => ({ region_id: region.id, municipality_code: code })),
        ...KEMI_TORNIONLAAKSO_MUNICIPALITIES.map((code) => ({ region_id: pilot.id, municipality_code: code })),
      ])
      .execute();

    const organizationIds = new Map<string, number>();
    const siteIds = new Map<string, number>();
    for (const school of schools.filter((s) => [...LUKIO_SCHOOL_CODES, ...COMPREHENSIVE_SCHOOL_CODES].includes(s.code))) {
      const key = `school-${school.code}`;
      const org = await tx
        .insertInto('organization')
        .values({ region_id: region.id, kind: 'school', name: school.name, municipality_code: school.municipality_code, search_text: foldForSearch(school.name), is_demo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      organizationIds.set(key, org.id);
      const site = await tx
        .insertInto('site')
        .values({ region_id: region.id, organization_id: org.id, name: school.name, municipality_code: school.municipality_code, lat: Number(school.lat), lon: Number(school.lon), location_approximate: false, is_demo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      siteIds.set(key, site.id);
    }
    for (const provider of DEMO_PROVIDERS) {
      const org = await tx
        .insertInto('organization')
        .values({ region_id: region.id, kind: provider.kind, name: provider.name, municipality_code: provider.municipalityCode, search_text: foldForSearch(provider.name), is_demo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      organizationIds.set(provider.key, org.id);
      for (const [key, name, municipalityCode, address] of provider.sites) {
        const centre = centres.get(municipalityCode)!;
        const site = await tx
          .insertInto('site')
          .values({ region_id: region.id, organization_id: org.id, name, address, municipality_code: municipalityCode, lat: centre.lat!, lon: centre.lon!, location_approximate: true, is_demo: true })
          .returning('id')
          .executeTakeFirstOrThrow();
        siteIds.set(key, site.id);
      }
    }

    const courseIds = await addDemoCourses(tx, region.id);
    const offerings = buildLappiOfferings().map(({ providerKey, siteKey, ...fields }) => {
      const siteId = siteKey ? siteIds.get(siteKey)! : null;
      const valid = offeringFieldsSchema.parse({ ...fields, siteId });
      return {
        region_id: region.id,
        course_id: courseIds.get(fields.courseCode)!,
        provider_id: organizationIds.get(providerKey)!,
        status: 'published',
        is_demo: true,
        ...offeringColumns(valid),
      };
    });
    await tx.insertInto('offering').values(offerings).execute();
    await seedDemoTimeFrame(tx, region.id);

    await tx
      .insertInto('app_user')
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          password_hash: passwordHash,
          region_id: region.id,
          organization_id: u.organizationKey ? organizationIds.get(u.organizationKey)! : null,
          home_municipality_code: u.home,
          is_demo: true,
        })),
      )
      .execute();
    await tx
      .insertInto('app_user')
      .values(
        EXTRA_DEMO_STUDENTS.map((u) => ({
          ...u,
          role: 'student',
          password_hash: passwordHash,
          region_id: region.id,
          organization_id: organizationIds.get('school-00640')!,
          home_municipality_code: '854',
          is_demo: true,
        })),
      )
      .execute();
    await seedDemoEnrolments(tx, region.id);
    await seedDemoPlans(tx, region.id);
    await seedDemoRound(tx, region.id, passwordHash);
  });
  return true;
}
