import type { Db } from '../src/server/db/database.js';
import { foldForSearch } from '../src/features/catalog/search-text.js';
import { offeringColumns } from '../src/features/catalog/offering-writes.js';
import { DELIVERY_MODES, TARGET_GROUPS, TEACHING_LANGUAGES, type DeliveryMode } from '../src/features/catalog/vocabulary.js';
import { bundledCodeSet, writeNationalCourses } from '../src/features/catalog/code-sets/national-courses.js';
import { vocationalUnitsCsv } from '../src/features/demo/vocational-units.js';
import { readUnitFile } from '../src/features/catalog/code-sets/qualification-unit-file.js';
import { seededRandom } from '../src/features/demo/random.js';

export interface CatalogueSize {
  sites: number;
  offerings: number;
  providersPerRegion: number;
}

const MODE_WEIGHTS: [DeliveryMode, number][] = [['onsite', 0.68], ['remote', 0.1], ['online', 0.1], ['hybrid', 0.07], ['workplace', 0.05]];

function weightedMode(r: number): DeliveryMode {
  let sum = 0;
  for (const [mode, weight] of MODE_WEIGHTS) if (r < (sum += weight)) return mode;
  return 'onsite';
}

const inBatches = async <T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
};

/**
 * A synthetic national catalogue on the real municipalities: one region per maakunta, sites spread
 * over municipalities in proportion to population, and offerings of real lukio modules and
 * vocational units over all delivery modes. Seeded: every run builds the same catalogue.
 */
export async function generateNationalCatalogue(db: Db, size: CatalogueSize, onProgress: (done: number, total: number) => void) {
  const random = seededRandom(308);
  const municipalities = await db.selectFrom('municipality').selectAll().where('lat', 'is not', null).execute();
  const byMaakunta = new Map<string, typeof municipalities>();
  for (const m of municipalities) byMaakunta.set(m.maakunta_code, [...(byMaakunta.get(m.maakunta_code) ?? []), m]);
  const totalPopulation = municipalities.reduce((sum, m) => sum + (m.population ?? 0), 0);

  const regionIds = new Map<string, number>();
  const providers: { id: number; regionId: number }[] = [];
  for (const [code, members] of byMaakunta) {
    const region = await db.insertInto('region').values({ code: `bench-${code}`, name_fi: members[0]!.maakunta_name_fi, name_sv: members[0]!.maakunta_name_fi, name_en: members[0]!.maakunta_name_fi }).returning('id').executeTakeFirstOrThrow();
    regionIds.set(code, region.id);
    await db.insertInto('region_municipality').values(members.map((m) => ({ region_id: region.id, municipality_code: m.code }))).execute();
    for (let i = 0; i < size.providersPerRegion; i++) {
      const name = `${members[0]!.maakunta_name_fi} provider ${i + 1}`;
      const org = await db.insertInto('organization').values({ region_id: region.id, kind: 'provider', name, search_text: foldForSearch(name) }).returning('id').executeTakeFirstOrThrow();
      providers.push({ id: org.id, regionId: region.id });
    }
  }

  const sites: { region_id: number; organization_id: number; name: string; municipality_code: string; lat: number; lon: number }[] = [];
  for (const m of municipalities) {
    const count = Math.max(1, Math.round(((m.population ?? 0) / totalPopulation) * size.sites));
    const regionId = regionIds.get(m.maakunta_code)!;
    const regionProviders = providers.filter((p) => p.regionId === regionId);
    for (let i = 0; i < count && sites.length < size.sites; i++) {
      sites.push({ region_id: regionId, organization_id: random.pick(regionProviders).id, name: `${m.name_fi} site ${i + 1}`, municipality_code: m.code, lat: m.lat! + (random.next() - 0.5) * 0.1, lon: m.lon! + (random.next() - 0.5) * 0.2 });
    }
  }
  const siteRows: { id: number; region_id: number; organization_id: number }[] = [];
  await inBatches(sites, 1000, async (batch) => siteRows.push(...(await db.insertInto('site').values(batch).returning(['id', 'region_id', 'organization_id']).execute())));

  // Every region's lukio modules from the national code set and the demo's vocational units from its unit list, as a region imports them.
  const lukioModules = bundledCodeSet('moduulikoodistolops2021');
  const units = await readUnitFile(Buffer.from(vocationalUnitsCsv()), 'csv');
  const courseIds = new Map<number, number[]>();
  for (const regionId of regionIds.values()) {
    await writeNationalCourses(db, { kind: 'cli' }, regionId, 'moduulikoodistolops2021', lukioModules);
    await writeNationalCourses(db, { kind: 'cli' }, regionId, 'tutkinnonosat', units);
    const rows = await db.selectFrom('course').select('id').where('region_id', '=', regionId).orderBy('id').execute();
    courseIds.set(regionId, rows.map((r) => r.id));
  }

  const offerings = [];
  for (let i = 0; i < size.offerings; i++) {
    const site = random.pick(siteRows);
    const mode = weightedMode(random.next());
    const capacity = random.int(8, 40);
    offerings.push({
      region_id: site.region_id,
      course_id: random.pick(courseIds.get(site.region_id)!),
      provider_id: site.organization_id,
      status: 'published',
      ...offeringColumns({
        courseCode: '',
        siteId: mode === 'online' ? null : site.id,
        mode,
        language: random.next() < 0.9 ? 'fi' : random.pick(TEACHING_LANGUAGES),
        academicYear: '2026-2027',
        periods: [random.int(1, 5)],
        timeSlots: [],
        bars: [],
        capacity,
        seatsForPartners: random.int(0, Math.floor(capacity / 2)),
        targetGroups: random.sample(TARGET_GROUPS, random.int(1, 2)),
        feeEuros: 0,
        enrolmentStart: null,
        enrolmentEnd: null,
        contactName: null,
        contactEmail: null,
      }),
    });
  }
  let done = 0;
  await inBatches(offerings, 2000, async (batch) => {
    await db.insertInto('offering').values(batch).execute();
    onProgress((done += batch.length), offerings.length);
  });
  return { regions: regionIds.size, sites: siteRows.length, offerings: offerings.length, modes: DELIVERY_MODES.length };
}
