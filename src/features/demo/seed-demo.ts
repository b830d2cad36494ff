import { parse } from 'csv-parse/sync';
import type { Db } from '../../server/db/database.js';
import { offeringFieldsSchema } from '../catalog/offering-schema.js';
import { createOffering } from '../catalog/offering-writes.js';
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
import { accountsByEmail, DEMO_SYSTEM_ADMIN, importDemoStudents, inviteDemoStaff, type DemoStudentRow } from './demo-people.js';
import { seedDemoEnrolments, seedDemoPlans } from './lappi-enrolments.js';
import { roundSchools, roundStudents, seedDemoRound } from './lappi-round.js';
import { seedDemoTimeFrame } from './lappi-time-frame.js';
import { buildLappiOfferings } from './lappi-offerings.js';
import { LUKIO_CREDIT_CORRECTIONS, LUKIO_MODULE_CODES } from './lukio-modules.js';
import type { DemoCourse } from './demo-course.js';
import { ADULT_COURSES, COMPREHENSIVE_COURSES, HIGHER_COURSES } from './other-courses.js';
import { vocationalUnitsCsv } from './vocational-units.js';

export const DEMO_REGION_CODE = 'lappi';
export { DEMO_PASSWORD } from './demo-people.js';

/** The Pellon lukio students of the demo: one studying for both degrees, two more in its requests. */
const PELLO_STUDENTS: DemoStudentRow[] = [
  { name: 'Oona Opiskelija (demo)', email: 'opiskelija.pello@tarjotin.example', studentNumber: 'PEL-0001', programme: 'Lukio + Logistiikan perustutkinto', startDate: '2025-08-11', homeMunicipalityCode: '854' },
  { name: 'Eetu Opiskelija (demo)', email: 'opiskelija2.pello@tarjotin.example', studentNumber: 'PEL-0002', programme: 'Lukio', startDate: '2025-08-11', homeMunicipalityCode: '854' },
  { name: 'Aino Opiskelija (demo)', email: 'opiskelija3.pello@tarjotin.example', studentNumber: 'PEL-0003', programme: 'Lukio', startDate: '2025-08-11', homeMunicipalityCode: '854' },
];

/** The Lappia course two demo students ask for: its first offering keeps one partner seat, so the second waits. */
const WAITLISTED_COURSE = '106109';

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

    const staff = await inviteDemoStaff(tx, region.id, organizationIds);
    const admin = staff.get('admin@tarjotin.example')!;
    await addDemoCourses(tx, region.id);
    await seedDemoTimeFrame(tx, admin, region.id);
    let waitlistSet = false;
    for (const { providerKey, siteKey, ...fields } of buildLappiOfferings()) {
      const siteId = siteKey ? siteIds.get(siteKey)! : null;
      const waitlisted: boolean = !waitlistSet && providerKey === 'lappia' && fields.courseCode === WAITLISTED_COURSE && fields.mode !== 'remote' && fields.mode !== 'online' && fields.seatsForPartners > 0;
      waitlistSet ||= waitlisted;
      const valid = offeringFieldsSchema.parse({ ...fields, siteId, ...(waitlisted ? { seatsForPartners: 1 } : {}) });
      await createOffering(tx, admin, valid, organizationIds.get(providerKey)!);
    }

    const pelloSchool = { id: organizationIds.get('school-00640')!, regionId: region.id };
    await importDemoStudents(tx, staff.get('opo.pello@tarjotin.example')!, pelloSchool, PELLO_STUDENTS);
    const lukios = await roundSchools(tx, region.id);
    for (const school of lukios) {
      const ofSchool = roundStudents(lukios).filter((s) => s.schoolId === school.id).map((s) => s.row);
      await importDemoStudents(tx, admin, { id: school.id, regionId: region.id }, ofSchool);
    }
    const people = new Map([...staff, ...(await accountsByEmail(tx, PELLO_STUDENTS.map((s) => s.email)))]);
    await seedDemoEnrolments(tx, people);
    await seedDemoPlans(tx, people.get('opiskelija.pello@tarjotin.example')!);
    await seedDemoRound(tx, admin, region.id);
    await labelDemoData(tx, [region.id, pilot.id]);
  });
  return true;
}

/** Everything in the demo's regions is labelled demo data, which the UI shows; the accounts too, and the system admin who made them. */
async function labelDemoData(tx: Db, regionIds: number[]) {
  for (const table of ['region', 'organization', 'site', 'offering', 'app_user'] as const) {
    await tx.updateTable(table).set({ is_demo: true }).where(table === 'region' ? 'id' : 'region_id', 'in', regionIds).execute();
  }
  await tx.updateTable('app_user').set({ is_demo: true }).where('email', '=', DEMO_SYSTEM_ADMIN.email).execute();
}
