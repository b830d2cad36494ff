import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { SiteTravelTimes } from '../travel/site-travel-times.js';
import type { OfferingDto } from './offering-dto.js';
import { searchOfferingSites } from './offering-map.js';
import { searchOfferings } from './offering-search.js';

const PELLO = '854';
const ROVANIEMI = '698';

describe.each(ENGINES)('tray search on %s', (engine) => {
  const context = useDemoApp(engine);
  const api = () => new ApiClient(context.app);
  const all = async (query: string) => {
    const items: OfferingDto[] = [];
    for (let offset = 0; ; offset += 200) {
      const { body } = await api().get(`/offerings?${query}&limit=200&offset=${offset}`);
      items.push(...body.items);
      if (items.length >= body.total) return { items, total: body.total as number };
    }
  };

  it('answers health once migrated', async () => {
    expect((await api().get('/health')).body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('lists all 308 municipalities with Pello among them', async () => {
    const { body } = await api().get('/municipalities');
    expect(body.total).toBe(308);
    expect(body.items).toHaveLength(308);
    expect(body.items.find((m: { code: string }) => m.code === PELLO)).toMatchObject({ nameFi: 'Pello', nameSv: 'Pello', cohort16to17: 60 });
  });

  it('has the Lappi demo region with its 21 municipalities and at least 300 offerings in all five modes', async () => {
    const regions = (await api().get('/regions')).body.items;
    const lappi = regions.find((r: { code: string }) => r.code === 'lappi');
    expect(lappi.municipalityCodes).toHaveLength(21);
    expect(lappi.isDemo).toBe(true);
    const { items, total } = await all(`region=${lappi.id}`);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(new Set(items.map((o) => o.mode))).toEqual(new Set(['onsite', 'remote', 'online', 'hybrid', 'workplace']));
    expect(items.every((o) => o.isDemo)).toBe(true);
  });

  it('from Pello within 60 minutes: reachable on-site offerings plus every remote and online one', async () => {
    const reachable = await all(`home=${PELLO}&maxMinutes=60`);
    const everything = await all('');
    const expectedIds = everything.items
      .filter((o) => o.mode === 'online' || o.mode === 'remote')
      .map((o) => o.id);
    const resultIds = new Set(reachable.items.map((o) => o.id));
    expect(expectedIds.every((id) => resultIds.has(id))).toBe(true);

    const travelling = reachable.items.filter((o) => o.mode !== 'online' && o.mode !== 'remote');
    expect(travelling.length).toBeGreaterThan(0);
    expect(travelling.every((o) => o.travelMinutes !== null && o.travelMinutes <= 60)).toBe(true);
    const municipalities = new Set(travelling.map((o) => o.site!.municipalityCode));
    expect(municipalities.has(PELLO)).toBe(true);
    expect(municipalities.has('976')).toBe(true); // Ylitornio
    expect(municipalities.has(ROVANIEMI)).toBe(false);
    expect(reachable.items.filter((o) => o.mode === 'online' || o.mode === 'remote').every((o) => o.travelMinutes === null)).toBe(true);
  });

  it('sorts by travel time from home by default and labels the model', async () => {
    const { body } = await api().get(`/offerings?home=${PELLO}&mode=onsite&limit=50`);
    const minutes = body.items.map((o: OfferingDto) => o.travelMinutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(body.items.every((o: OfferingDto) => o.travelModel === 'estimate')).toBe(true);
  });

  it('pages by travel time hold every match once: nearest first by name, then study from home by name', async () => {
    const lappi = (await api().get('/regions')).body.items.find((r: { code: string }) => r.code === 'lappi');
    const searches = [
      `home=${PELLO}`,
      `home=${PELLO}&maxMinutes=90`,
      `home=${PELLO}&q=hitsaus`,
      `home=${PELLO}&form=vocational&period=2`,
      `home=${PELLO}&mode=remote,onsite&maxMinutes=120`,
      `home=${PELLO}&mode=online`,
      `home=${ROVANIEMI}&region=${lappi.id}&seatsLeft=true`,
    ];
    for (const search of searches) {
      const byName = await all(`${search}&sort=name`);
      // A stable sort keeps the name order among equal minutes: the database's own tie-break.
      const expected = [...byName.items]
        .sort((a, b) => (a.travelMinutes ?? Infinity) - (b.travelMinutes ?? Infinity))
        .map((o) => o.id);
      const paged: number[] = [];
      for (let offset = 0; offset < expected.length; offset += 7) {
        const { body } = await api().get(`/offerings?${search}&sort=travel&limit=7&offset=${offset}`);
        expect(body.total, search).toBe(byName.total);
        paged.push(...body.items.map((o: OfferingDto) => o.id));
      }
      expect(paged, search).toEqual(expected);
    }
  });

  it('finds "Äidinkieli" when searched without accents, in any case', async () => {
    const { body } = await api().get('/offerings?q=AIDINKIELI&limit=100');
    expect(body.total).toBeGreaterThan(0);
    // The mother tongue and literature modules (ÄI, SÄI): national names leave out the subject, the search text has it.
    expect(body.items.every((o: OfferingDto) => /^S?ÄI\d/.test(o.course.code))).toBe(true);
    const swedish = await api().get('/offerings?q=modersmal&limit=5');
    expect(swedish.body.total).toBe(body.total);
  });

  it('needs every word of a search to name the course or the provider', async () => {
    const both = await all('q=matematiikka%20PELLON');
    const ofPello = (await all('q=matematiikka')).items.filter((o) => /pellon/i.test(o.provider.name));
    expect(both.total).toBeGreaterThan(0);
    expect(both.items.map((o) => o.id).sort()).toEqual(ofPello.map((o) => o.id).sort());
    expect((await api().get('/offerings?q=matematiikka%20zzzz')).body.total).toBe(0);
    expect((await api().get('/offerings?q=100%25')).body.total).toBe(0);
  });

  it('looks the words up once for the list and the map asked at the same moment', async () => {
    let wordLookups = 0;
    const counting = context.db.withPlugin({
      transformQuery: ({ node }) => {
        if (node.kind === 'RawNode' && node.sqlFragments.join('').includes('with ordinality')) wordLookups++;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const travelTimes = new SiteTravelTimes(counting);
    const search = { q: 'matematiikka pellon', limit: 20, offset: 0 };
    const [list, map] = await Promise.all([searchOfferings(counting, travelTimes, search), searchOfferingSites(counting, travelTimes, search)]);
    expect(wordLookups).toBe(1);
    expect(list.total).toBeGreaterThan(0);
    expect(map.items.length).toBeGreaterThan(0);
    await searchOfferings(counting, travelTimes, search);
    expect(wordLookups).toBe(2); // nothing is kept once answered
  });

  it('filters by form, mode, language, period, target group, site municipality and partner seats', async () => {
    const { items } = await all('form=vocational&mode=onsite,hybrid&lang=fi&period=2&targetGroup=adult&seatsLeft=true');
    expect(items.length).toBeGreaterThan(0);
    for (const o of items) {
      expect(o.course.educationForm).toBe('vocational');
      expect(['onsite', 'hybrid']).toContain(o.mode);
      expect(o.language).toBe('fi');
      expect(o.periods).toContain(2);
      expect(o.targetGroups).toContain('adult');
      expect(o.seatsForPartners).toBeGreaterThan(0);
    }
    const tornio = await all('municipality=851');
    expect(tornio.items.every((o) => o.site?.municipalityCode === '851')).toBe(true);
  });

  it('pages with a stable total', async () => {
    const first = (await api().get('/offerings?limit=10&offset=0')).body;
    const second = (await api().get('/offerings?limit=10&offset=10')).body;
    expect(first.total).toBe(second.total);
    expect(first.items.map((o: OfferingDto) => o.id)).not.toEqual(second.items.map((o: OfferingDto) => o.id));
    const beyond = (await api().get(`/offerings?limit=10&offset=${first.total + 5}`)).body;
    expect(beyond).toMatchObject({ items: [], total: first.total });
  });

  it('refuses bad input with 400 and field paths, never 500', async () => {
    const bad = await api().get('/offerings?home=85&maxMinutes=-3&mode=teleport&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['querystring.home', 'querystring.maxMinutes', 'querystring.mode.0', 'querystring.limit']),
    );
    const noHome = await api().get('/offerings?maxMinutes=30');
    expect(noHome.status).toBe(400);
    expect(noHome.body.issues[0].path).toBe('querystring.home');
    const unknownHome = await api().get('/offerings?home=999');
    expect(unknownHome.status).toBe(400);
    expect((await api().get('/offerings/abc')).status).toBe(400);
  });

  it('returns one offering with travel time, and 404 for an unknown id', async () => {
    const { body } = await api().get(`/offerings?home=${PELLO}&mode=onsite&limit=1`);
    const one = await api().get(`/offerings/${body.items[0].id}?home=${PELLO}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: body.items[0].id, travelMinutes: body.items[0].travelMinutes, provider: { name: expect.any(String) } });
    expect((await api().get('/offerings/999999')).status).toBe(404);
  });

  it('gives the map one point per site of the matching offerings, counting each of them', async () => {
    const { body } = await api().get(`/offerings/sites?home=${PELLO}&maxMinutes=60&mode=onsite`);
    expect(body.complete).toBe(true);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((s: { travelMinutes: number }) => s.travelMinutes <= 60)).toBe(true);
    const { items } = await all(`home=${PELLO}&maxMinutes=60&mode=onsite`);
    const perSite = new Map<number, number>();
    for (const o of items) perSite.set(o.site!.id, (perSite.get(o.site!.id) ?? 0) + 1);
    expect(new Map(body.items.map((s: { id: number; offeringCount: number }) => [s.id, s.offeringCount]))).toEqual(perSite);
  });

  it('counts what one can study living in Pello by form and field, each match once', async () => {
    const { body } = await api().get(`/offerings/groups?home=${PELLO}&maxMinutes=60`);
    const { items } = await all(`home=${PELLO}&maxMinutes=60`);
    const expected = new Map<string, number>();
    for (const o of items) expected.set(`${o.course.educationForm}/${o.course.field}`, (expected.get(`${o.course.educationForm}/${o.course.field}`) ?? 0) + 1);
    expect(new Map(body.items.map((g: { educationForm: string; field: string; count: number }) => [`${g.educationForm}/${g.field}`, g.count]))).toEqual(expected);
    expect((await api().get('/offerings/groups?maxMinutes=60')).status).toBe(400);
  });

  it('bounds the map: the nearest sites holding matches from home, or the busiest of the first matches without', async () => {
    const search = { limit: 20, offset: 0, mode: ['onsite' as const] };
    const travelTimes = new SiteTravelTimes(context.db);
    const every = await searchOfferingSites(context.db, travelTimes, { ...search, home: PELLO });
    expect(every.complete).toBe(true);
    const nearest = await searchOfferingSites(context.db, travelTimes, { ...search, home: PELLO }, { sites: 3, offerings: 3000 });
    expect(nearest.complete).toBe(false);
    const byTravel = [...every.items].sort((a, b) => a.travelMinutes! - b.travelMinutes! || a.id - b.id);
    expect(nearest.items.map((s) => s.id).sort()).toEqual(byTravel.slice(0, 3).map((s) => s.id).sort());
    // A narrow search: the three nearest sites do not all hold matches, so every reachable site is counted.
    const narrow = { ...search, form: ['vocational' as const], home: PELLO };
    const everyNarrow = await searchOfferingSites(context.db, travelTimes, narrow);
    const nearestNarrow = await searchOfferingSites(context.db, travelTimes, narrow, { sites: 3, offerings: 3000 });
    const narrowByTravel = [...everyNarrow.items].sort((a, b) => a.travelMinutes! - b.travelMinutes! || a.id - b.id);
    expect(everyNarrow.items.length).toBeGreaterThan(3);
    expect(nearestNarrow.items).toEqual(narrowByTravel.slice(0, 3).sort((a, b) => a.name.localeCompare(b.name)));
    expect(nearestNarrow.complete).toBe(false);

    const firstMatches = await searchOfferingSites(context.db, travelTimes, search, { sites: 150, offerings: 5 });
    expect(firstMatches.complete).toBe(false);
    expect(firstMatches.items.length).toBeLessThanOrEqual(5);
    // The sample chooses the sites; each is then counted exactly.
    const exact = await searchOfferingSites(context.db, travelTimes, search);
    expect(exact.complete).toBe(true);
    const exactCount = new Map(exact.items.map((s) => [s.id, s.offeringCount]));
    for (const site of firstMatches.items) expect(site.offeringCount).toBe(exactCount.get(site.id));
  });

  it('publishes the OpenAPI document', async () => {
    const { body } = await api().get('/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/offerings', '/api/v1/offerings/{id}', '/api/v1/auth/login', '/api/v1/municipalities']));
  });
});
