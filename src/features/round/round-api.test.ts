import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

interface WishResult {
  rank: number;
  offering: { id: number };
  assigned: boolean;
  reason: string | null;
  clashWith: { id: number } | null;
  enrolmentId: number | null;
}

describe.each(ENGINES)('selection rounds on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string) => {
    const client = new ApiClient(context.app);
    const session = await client.login(`${email}@tarjotin.example`);
    return { client, user: session.user as { id: number } };
  };

  /** Two Lappia offerings of one period whose lessons overlap (a full day in common), and a third on other days than the first. */
  async function lappiaOfferings() {
    const rows = await sql<{ a: number; b: number; c: number; period: number }>`
      with lappia as (
        select o.id, o.periods[1] as period, o.seats_for_partners - o.seats_taken as free,
          array(select (e->>'day')::int from jsonb_array_elements(o.time_slots) e) as days
        from offering o join organization p on p.id = o.provider_id
        where p.name like 'Lappia%' and o.status = 'published' and jsonb_array_length(o.time_slots) > 0
          and cardinality(o.periods) = 1 and o.mode <> 'workplace')
      select x.id as a, y.id as b, z.id as c, x.period from lappia x
        join lappia y on y.period = x.period and y.id <> x.id and y.days && x.days
        join lappia z on z.period = x.period and not (z.days && x.days)
      where x.free >= 2 and y.free >= 1 and z.free >= 2
      order by x.id, y.id, z.id limit 1`.execute(context.db);
    return rows.rows[0]!;
  }

  it('collects ranked wishes, allocates fairly after the deadline, explains unmet wishes and publishes seats', async () => {
    const { a, b, c, period } = await lappiaOfferings();
    const { client: coordinator } = await signedIn('koordinaattori.lappia');
    const now = Date.now();
    const created = await coordinator.post('/rounds', {
      name: 'Lappian valintakierros (testi)',
      academicYear: '2026-2027',
      period,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3_600_000).toISOString(),
      maxCoursesPerStudent: 2,
      offeringIds: [a, b, c],
      seed: 42,
    });
    expect(created.status).toBe(201);
    const round = created.body;
    expect(round).toMatchObject({ phase: 'open', canManage: true, seed: null });
    expect(round.offerings.map((o: { offering: { id: number } }) => o.offering.id).sort()).toEqual([a, b, c].sort());

    const { client: oona, user: oonaUser } = await signedIn('opiskelija.pello');
    const { client: otto, user: ottoUser } = await signedIn('opiskelija2.pello');
    // Wishes are validated with the path of the offending entry, and nothing is stored.
    const invalid = await oona.put(`/rounds/${round.id}/wishes`, { offeringIds: [a, 999999, a] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['body.offeringIds.1', 'not_in_round'],
      ['body.offeringIds.2', 'duplicate'],
    ]);
    expect((await oona.get(`/rounds/${round.id}`)).body.myWishes).toEqual([]);
    expect((await oona.put(`/rounds/${round.id}/wishes`, { offeringIds: [c, a] })).status).toBe(200);
    expect((await oona.put(`/rounds/${round.id}/wishes`, { offeringIds: [a, b, c] })).status).toBe(200);
    expect((await otto.put(`/rounds/${round.id}/wishes`, { offeringIds: [a, c] })).status).toBe(200);
    expect((await oona.get(`/rounds/${round.id}`)).body.myWishes).toEqual([a, b, c]);

    const { client: counsellor } = await signedIn('opo.pello');
    expect((await counsellor.put(`/rounds/${round.id}/wishes`, { offeringIds: [a] })).status).toBe(403);
    const { client: redu } = await signedIn('koordinaattori.redu');
    expect((await redu.post(`/rounds/${round.id}/allocate`, {})).status).toBe(403);
    expect((await coordinator.post(`/rounds/${round.id}/allocate`, {})).status).toBe(409);
    expect((await oona.get(`/rounds/${round.id}/result`)).status).toBe(409);

    // Closing early; from then on wishes are frozen.
    const closed = await coordinator.patch(`/rounds/${round.id}`, { closesAt: new Date().toISOString() });
    expect(closed.body.phase).toBe('closed');
    expect((await oona.put(`/rounds/${round.id}/wishes`, { offeringIds: [c] })).status).toBe(409);

    // One partner seat on a: both first wishes compete; the seeded lottery decides, reproducibly.
    const tight = { capacities: [{ offeringId: a, capacity: 1, partnerSeats: 1 }] };
    const badCapacity = await coordinator.post(`/rounds/${round.id}/allocate`, { capacities: [{ offeringId: a, capacity: 1, partnerSeats: 2 }] });
    expect(badCapacity.status).toBe(400);
    expect(badCapacity.body.issues[0].path).toBe('body.capacities.0.partnerSeats');
    const first = await coordinator.post(`/rounds/${round.id}/allocate`, tight);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ phase: 'allocated', method: 'exact', provedOptimal: true, wishes: 5, students: 2 });
    const resultOf = async () => {
      const result = (await coordinator.get(`/rounds/${round.id}/result`)).body;
      return new Map<number, WishResult[]>(result.students.map((s: { student: { id: number }; wishes: WishResult[] }) => [s.student.id, s.wishes]));
    };
    const tightResult = await resultOf();
    const winnerOfA = [oonaUser.id, ottoUser.id].find((id) => tightResult.get(id)!.find((w) => w.offering.id === a)!.assigned)!;
    expect(winnerOfA).toBeDefined();
    for (const wishes of tightResult.values()) {
      expect(wishes.filter((w) => w.assigned).length).toBeLessThanOrEqual(2);
      for (const w of wishes) expect(w.assigned === (w.reason === null)).toBe(true);
    }
    // b overlaps a: whoever holds a cannot also hold b.
    const oonaWishes = tightResult.get(oonaUser.id)!;
    if (winnerOfA === oonaUser.id) expect(oonaWishes.find((w) => w.offering.id === b)).toMatchObject({ assigned: false, reason: 'clash', clashWith: { id: a } });
    expect((await coordinator.post(`/rounds/${round.id}/allocate`, tight)).body.objective).toBe(first.body.objective);
    expect((await resultOf()).get(winnerOfA)!.find((w) => w.offering.id === a)!.assigned).toBe(true);

    // Re-run with more seats: both first wishes are met. A second click while it solves is refused, not run twice.
    const [rerun, twice] = await Promise.all([
      coordinator.post(`/rounds/${round.id}/allocate`, { capacities: [{ offeringId: a, capacity: 5, partnerSeats: 5 }] }),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => coordinator.post(`/rounds/${round.id}/allocate`, {})),
    ]);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('allocation_running');
    expect(rerun.body.met).toBe(4);
    const seatsBefore = (await context.db.selectFrom('offering').select('seats_taken').where('id', '=', a).executeTakeFirstOrThrow()).seats_taken;
    // Meanwhile Otto asks for c, which the round gives him, directly: publishing accepts that request.
    const direct = await otto.post('/enrolments', { offeringId: c });
    expect(direct.status).toBe(201);

    expect((await oona.post(`/rounds/${round.id}/publish`, {})).status).toBe(403);
    const published = await coordinator.post(`/rounds/${round.id}/publish`, {});
    expect(published.body).toMatchObject({ phase: 'published', seed: 42 });
    expect((await context.db.selectFrom('offering').select('seats_taken').where('id', '=', a).executeTakeFirstOrThrow()).seats_taken).toBe(seatsBefore + 2);
    const own = (await oona.get(`/rounds/${round.id}/result`)).body;
    expect(own.summary).toBeNull();
    expect(own.students.map((s: { student: { id: number } }) => s.student.id)).toEqual([oonaUser.id]);
    const seat = own.students[0].wishes.find((w: WishResult) => w.offering.id === a);
    expect(seat).toMatchObject({ assigned: true, reason: null });
    expect((await oona.get(`/enrolments/${seat.enrolmentId}`)).body).toMatchObject({ status: 'accepted' });
    expect((await coordinator.post(`/rounds/${round.id}/allocate`, {})).status).toBe(409);
    expect((await counsellor.get(`/rounds/${round.id}/result`)).body.total).toBe(2);
    const ottosOnC = await context.db.selectFrom('enrolment').select(['id', 'status']).where('student_id', '=', ottoUser.id).where('offering_id', '=', c).execute();
    expect(ottosOnC).toEqual([{ id: direct.body.id, status: 'accepted' }]);
    expect((await otto.get(`/enrolments/${direct.body.id}`)).body.events.at(-1)).toMatchObject({ from: 'requested', to: 'accepted', reason: 'Selection round: Lappian valintakierros (testi)' });
  });

  it('refuses a round from a student, and a round over another provider’s offerings', async () => {
    const { a, period } = await lappiaOfferings();
    const body = { name: 'X', academicYear: '2026-2027', period, opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z', offeringIds: [a] };
    const { client: student } = await signedIn('opiskelija.pello');
    expect((await student.post('/rounds', body)).status).toBe(403);
    const { client: redu } = await signedIn('koordinaattori.redu');
    const refused = await redu.post('/rounds', body);
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({ path: 'body.offeringIds.0', code: 'unknown_offering' });
    const backwards = await redu.post('/rounds', { ...body, closesAt: '2025-01-01T00:00:00Z' });
    expect(backwards.body.issues[0].path).toBe('body.closesAt');
  });
});
