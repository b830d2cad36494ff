import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

describe.each(ENGINES)('study plans on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string) => {
    const client = new ApiClient(context.app);
    const session = await client.login(email);
    return { client, user: session.user as { id: number } };
  };

  it('shows a dual-degree plan: credits per study right, enrolments needed, and who may see it', async () => {
    const { client: student, user } = await signedIn('opiskelija.pello@tarjotin.example');
    const plan = (await student.get(`/students/${user.id}/plan`)).body;
    expect(plan.canEdit).toBe(true);
    const vocational = plan.studyRights.find((r: { kind: string }) => r.kind === 'vocational');
    expect(vocational).toMatchObject({ targetCredits: 180, completedCredits: 45, qualification: 'Logistiikan perustutkinto' });
    expect(vocational.plannedCredits).toBeGreaterThan(45);
    expect(plan.studyRights.find((r: { kind: string }) => r.kind === 'general_upper_secondary').plannedCredits).toBeGreaterThan(0);
    const home = plan.items.filter((i: { offering: { provider: { name: string } } }) => i.offering.provider.name === 'Pellon lukio');
    expect(home.length).toBeGreaterThan(0);
    expect(home.every((i: { needsEnrolment: boolean }) => !i.needsEnrolment)).toBe(true);
    const partner = plan.items.filter((i: { enrolment: unknown }) => i.enrolment !== null);
    expect(partner.length).toBeGreaterThan(0);
    expect(plan.items.every((i: { offering: { travelMinutes: number | null; mode: string } }) => i.offering.mode === 'online' || i.offering.mode === 'remote' || i.offering.travelMinutes !== null)).toBe(true);

    const { client: counsellor } = await signedIn('opo.pello@tarjotin.example');
    const seen = (await counsellor.get(`/students/${user.id}/plan`)).body;
    expect(seen.canEdit).toBe(false);
    expect((await counsellor.post(`/students/${user.id}/plan/comments`, { body: 'Hyvä suunnitelma, muista jakso 3.' })).status).toBe(201);
    expect((await counsellor.put(`/students/${user.id}/plan`, { offeringIds: [] })).status).toBe(403);
    expect((await student.get(`/students/${user.id}/plan`)).body.comments.at(-1)).toMatchObject({ body: 'Hyvä suunnitelma, muista jakso 3.' });
    const { client: other } = await signedIn('koordinaattori.redu@tarjotin.example');
    expect((await other.get(`/students/${user.id}/plan`)).status).toBe(404);
  });

  it('replaces the planned offerings, refuses unknown ones and reports clashes', async () => {
    const { client: student, user } = await signedIn('opiskelija2.pello@tarjotin.example');
    expect((await student.put(`/students/${user.id}/plan`, { offeringIds: [999999] })).status).toBe(400);
    // Two lukio offerings in the same timetable bar and period, at different schools, overlap.
    const pair = await sql<{ a: number; b: number }>`
      select x.id as a, y.id as b from offering x join offering y
        on x.periods = y.periods and x.time_slots::text = y.time_slots::text and x.site_id <> y.site_id and x.id < y.id
      where x.mode = 'onsite' and y.mode = 'onsite' and jsonb_array_length(x.time_slots) > 0
      order by x.id, y.id limit 1`.execute(context.db);
    const { a, b } = pair.rows[0]!;
    const plan = (await student.put(`/students/${user.id}/plan`, { offeringIds: [a, b] })).body;
    expect(plan.items).toHaveLength(2);
    expect(plan.clashes).toEqual([expect.objectContaining({ kind: 'overlap', a: Math.min(a, b) === a ? a : b })]);
    expect((await student.put(`/students/${user.id}/plan`, { offeringIds: [] })).body.items).toEqual([]);
  });
});
