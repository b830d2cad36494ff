import { parse } from 'csv-parse/sync';
import type { Db } from '../../server/db/database.js';
import { hashPassword } from '../auth/password.js';
import { offeringFieldsSchema } from '../catalog/offering-schema.js';
import { offeringColumns } from '../catalog/offering-writes.js';
import { bundledCodeSet, selectCodes, writeNationalCourses } from '../catalog/code-sets/national-courses.js';
import { readUnitFile } from '../catalog/code-sets/qualification-unit-file.js';
import { addLocalCourse, localCourseSchema, setCourseCredits } from '../catalog/course-writes.js';
import { readReferenceFile } from '../region/reference-data.js';
import { createRegion } from '../region/region-writes.js';
import { changeRegionSettings } from '../region/region-settings.js';
import { addOrganization, addRegisterSchool, addSite } from '../catalog/organization-writes.js';
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

type SchoolRow = { code: string };

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

/**
 * Loads the Lappi demo region once; later calls find it and do nothing. Returns whether it loaded.
 * The regions, their settings, organizations and sites are made by the services the Regions,
 * Knowledge base and Organizations pages use (authorization is theirs: the seed is the operator's
 * own, like the CLI); the rows are then labelled demo data, which the UI shows.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('region').select('id').where('code', '=', DEMO_REGION_CODE).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeder = { kind: 'cli' } as const;
  const schools: SchoolRow[] = parse(readReferenceFile('fi_schools_all.csv'), { columns: true });

  await db.transaction().execute(async (tx) => {
    const region = await createRegion(tx, seeder, { code: DEMO_REGION_CODE, nameFi: 'Lappi', nameSv: 'Lappland', nameEn: 'Lapland', municipalityCodes: [...LAPPI_MUNICIPALITIES] });
    const pilot = await createRegion(tx, seeder, { code: 'kemi-tornionlaakso', nameFi: 'Kemi-Tornionlaakso', nameSv: 'Kemi-Torneådalen', nameEn: 'Kemi-Tornio valley', municipalityCodes: [...KEMI_TORNIONLAAKSO_MUNICIPALITIES] });
    // The main roads along the Tornio and Kemi rivers are straight and fast (docs/travel-time.md).
    for (const { id } of [region, pilot]) await changeRegionSettings(tx, seeder, id, { travelCircuity: 1.2, travelSpeedKmh: 80 });

    const organizationIds = new Map<string, number>();
    const siteIds = new Map<string, number>();
    for (const school of schools.filter((s) => [...LUKIO_SCHOOL_CODES, ...COMPREHENSIVE_SCHOOL_CODES].includes(s.code))) {
      const added = await addRegisterSchool(tx, { regionId: region.id, schoolCode: school.code });
      organizationIds.set(`school-${school.code}`, added.organization.id);
      siteIds.set(`school-${school.code}`, added.site.id);
    }
    for (const provider of DEMO_PROVIDERS) {
      const organization = await addOrganization(tx, { regionId: region.id, kind: provider.kind, name: provider.name, municipalityCode: provider.municipalityCode });
      organizationIds.set(provider.key, organization.id);
      // Their sites have no published coordinates: each stands at its municipality's centre, marked approximate.
      for (const [key, name, municipalityCode, address] of provider.sites) {
        siteIds.set(key, (await addSite(tx, { organizationId: organization.id, name, municipalityCode, address })).id);
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
    for (const table of ['region', 'organization', 'site'] as const) {
      await tx.updateTable(table).set({ is_demo: true }).where(table === 'region' ? 'id' : 'region_id', 'in', [region.id, pilot.id]).execute();
    }
  });
  return true;
}
