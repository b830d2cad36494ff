import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp, type TestApp } from '../../../test/test-app.js';

const STUDENT = 'opiskelija.pello@tarjotin.example';
const COUNSELLOR = 'opo.pello@tarjotin.example';
const HOST = 'koordinaattori.lappia@tarjotin.example';

/** More students of the demo student's school, sharing its password hash (hashing is slow). */
async function addStudents(context: TestApp, count: number, prefix: string) {
  const model = await context.db.selectFrom('app_user').selectAll().where('email', '=', STUDENT).executeTakeFirstOrThrow();
  return context.db
    .insertInto('app_user')
    .values(Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@tarjotin.example`, name: `${prefix} ${i}`, password_hash: model.password_hash, role: 'student', region_id: model.region_id, organization_id: model.organization_id, home_municipality_code: '854' })))
    .returning(['id', 'email'])
    .execute();
}

/** A Lappia offering nobody has asked for yet (enrolments are never deleted), with the given partner seats. */
async function lappiaOffering(context: TestApp, seats: number) {
  const lappia = await context.db.selectFrom('organization').select('id').where('name', 'like', 'Lappia%').executeTakeFirstOrThrow();
  const offering = await context.db
    .selectFrom('offering as o')
    .select(['o.id', 'o.region_id'])
    .where('o.provider_id', '=', lappia.id)
    .where('o.mode', '=', 'onsite')
    .where('o.status', '=', 'published')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('enrolment as e').select('e.id').whereRef('e.offering_id', '=', 'o.id'))))
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  await context.db.updateTable('offering').set({ capacity: Math.max(seats, 20), seats_for_partners: seats, seats_taken: 0 }).where('id', '=', offering.id).execute();
  return offering;
}

const signedIn = async (context: TestApp, email: string) => {
  const client = new ApiClient(context.app);
  await client.login(email);
  return client;
};

describe.each(ENGINES)('cross-enrolment on %s', (engine) => {
  const context = useDemoApp(engine);

  it('has demo requests in every status, with seats taken that match them', async () => {
    const admin = await signedIn(context, 'admin@tarjotin.example');
    const all = (await admin.get('/enrolments?limit=200')).body.items as { status: string; offering: { id: number } }[];
    expect(new Set(all.map((e) => e.status))).toEqual(new Set(['requested', 'approved', 'rejected', 'waitlisted', 'accepted', 'enrolled', 'completed', 'cancelled', 'dropped']));
    for (const offeringId of new Set(all.map((e) => e.offering.id))) {
      const held = all.filter((e) => e.offering.id === offeringId && ['accepted', 'enrolled', 'completed'].includes(e.status)).length;
      const offering = (await admin.get(`/offerings/${offeringId}`)).body;
      expect(offering.seatsTaken).toBe(held);
      expect(offering.seatsTaken).toBeLessThanOrEqual(offering.seatsForPartners);
    }
    const student = await signedIn(context, STUDENT);
    const record = (await student.get(`/students/${(await student.get('/auth/session')).body.user.id}/record`)).body;
    expect(record.items).toContainEqual(expect.objectContaining({ courseCode: '102013', grade: '4', credits: 45 }));
  });

  it('runs request → approval → acceptance → enrolment → completion, keeping every step', async () => {
    const offering = await lappiaOffering(context, 3);
    const student = await signedIn(context, STUDENT);
    const requested = await student.post('/enrolments', { offeringId: offering.id });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('requested');
    expect((await student.post('/enrolments', { offeringId: offering.id })).status).toBe(409);

    const host = await signedIn(context, HOST);
    const counsellor = await signedIn(context, COUNSELLOR);
    const id = requested.body.id;
    expect((await host.post(`/enrolments/${id}/transitions`, { to: 'approved' })).status).toBe(403);
    expect((await host.post(`/enrolments/${id}/transitions`, { to: 'enrolled' })).status).toBe(409);
    expect((await counsellor.post(`/enrolments/${id}/transitions`, { to: 'approved' })).body).toEqual({ id, status: 'approved' });
    expect((await host.post(`/enrolments/${id}/transitions`, { to: 'accepted' })).body.status).toBe('accepted');
    expect((await student.get(`/offerings/${offering.id}`)).body).toMatchObject({ seatsForPartners: 3, seatsTaken: 1 });
    await host.post(`/enrolments/${id}/transitions`, { to: 'enrolled' });
    const noGrade = await host.post(`/enrolments/${id}/transitions`, { to: 'completed' });
    expect(noGrade.status).toBe(400);
    const completed = await host.post(`/enrolments/${id}/transitions`, { to: 'completed', grade: '4', credits: 20 });
    expect(completed.body.status).toBe('completed');
    expect((await student.post(`/enrolments/${id}/transitions`, { to: 'dropped' })).status).toBe(409);

    const detail = (await student.get(`/enrolments/${id}`)).body;
    expect(detail.completion).toMatchObject({ grade: '4', credits: 20 });
    expect(detail.events.map((e: { from: string | null; to: string }) => `${e.from}>${e.to}`)).toEqual([
      'null>requested', 'requested>approved', 'approved>accepted', 'accepted>enrolled', 'enrolled>completed',
    ]);
    expect(detail.allowedSteps).toEqual([]);
    const mine = (await student.get('/enrolments')).body;
    expect(mine.items.map((e: { id: number }) => e.id)).toContain(id);

    const studentId = detail.student.id;
    const record = (await counsellor.get(`/students/${studentId}/record`)).body;
    expect(record.items).toContainEqual(expect.objectContaining({ courseCode: detail.offering.courseCode, credits: 20, creditUnit: 'osp', grade: '4', hostProvider: detail.host.name }));
    const csv = await student.get(`/students/${studentId}/record?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.raw)).toContain('student;course_code;course_name;credits;credit_unit;grade;completed_on;host_provider');
    expect((await host.get(`/students/${studentId}/record`)).status).toBe(404);
  });

  it('needs a reason to reject, hides an enrolment from people it does not concern, and keeps the log append-only', async () => {
    const offering = await lappiaOffering(context, 2);
    const [other] = await addStudents(context, 1, `reject-${engine}-`);
    const student = await signedIn(context, other!.email);
    const { body } = await student.post('/enrolments', { offeringId: offering.id });
    const counsellor = await signedIn(context, COUNSELLOR);
    expect((await counsellor.post(`/enrolments/${body.id}/transitions`, { to: 'rejected' })).status).toBe(400);
    const rejected = await counsellor.post(`/enrolments/${body.id}/transitions`, { to: 'rejected', reason: 'Päällekkäinen kurssi' });
    expect(rejected.body.status).toBe('rejected');
    const redu = await signedIn(context, 'koordinaattori.redu@tarjotin.example');
    expect((await redu.get(`/enrolments/${body.id}`)).status).toBe(404);
    expect((await redu.post(`/enrolments/${body.id}/transitions`, { to: 'accepted' })).status).toBe(404);
    await expect(context.db.updateTable('enrolment_event').set({ reason: 'changed' }).where('enrolment_id', '=', body.id).execute()).rejects.toThrow();
    const events = (await student.get(`/enrolments/${body.id}`)).body.events;
    expect(events.at(-1)).toMatchObject({ from: 'requested', to: 'rejected', reason: 'Päällekkäinen kurssi' });
  });

  it('waitlists when the partner seats are taken and moves the waitlist up when a seat frees', async () => {
    const offering = await lappiaOffering(context, 1);
    const students = await addStudents(context, 2, `wait-${engine}-`);
    const ids = [];
    for (const s of students) {
      const client = await signedIn(context, s.email);
      ids.push((await client.post('/enrolments', { offeringId: offering.id })).body.id);
    }
    const counsellor = await signedIn(context, COUNSELLOR);
    const host = await signedIn(context, HOST);
    for (const id of ids) await counsellor.post(`/enrolments/${id}/transitions`, { to: 'approved' });
    expect((await host.post(`/enrolments/${ids[0]}/transitions`, { to: 'accepted' })).body.status).toBe('accepted');
    expect((await host.post(`/enrolments/${ids[1]}/transitions`, { to: 'accepted' })).body.status).toBe('waitlisted');
    const first = await signedIn(context, students[0]!.email);
    await first.post(`/enrolments/${ids[0]}/transitions`, { to: 'cancelled' });
    const promoted = (await host.get(`/enrolments/${ids[1]}`)).body;
    expect(promoted.status).toBe('accepted');
    expect(promoted.events.at(-1)).toMatchObject({ from: 'waitlisted', to: 'accepted', reason: 'seat freed', actor: null });
    expect((await host.get(`/offerings/${offering.id}`)).body.seatsTaken).toBe(1);
  });
});

describe('partner seats under concurrency on postgres', () => {
  const context = useDemoApp('postgres');

  it('accepts exactly 5 of 100 simultaneous acceptances for 5 seats and waitlists the rest', async () => {
    const offering = await lappiaOffering(context, 5);
    const students = await addStudents(context, 100, 'rush-');
    const enrolments = await context.db
      .insertInto('enrolment')
      .values(students.map((s) => ({ region_id: offering.region_id, offering_id: offering.id, student_id: s.id, status: 'approved' })))
      .returning('id')
      .execute();
    const host = await signedIn(context, HOST);
    const results = await Promise.all(enrolments.map((e) => host.post(`/enrolments/${e.id}/transitions`, { to: 'accepted' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(95);
    const stored = await context.db.selectFrom('offering').select('seats_taken').where('id', '=', offering.id).executeTakeFirstOrThrow();
    expect(stored.seats_taken).toBe(5);
    const accepted = await context.db.selectFrom('enrolment').select((eb) => eb.fn.countAll<number>().as('n')).where('offering_id', '=', offering.id).where('status', '=', 'accepted').executeTakeFirstOrThrow();
    expect(Number(accepted.n)).toBe(5);
  });
});
