import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { placeAllFromRound } from './enrolment-service.js';

describe.each(ENGINES)('placing a published round’s partner seats on %s', (engine) => {
  const context = useDemoApp(engine);

  async function fixture() {
    const db = context.db;
    const students = await db.selectFrom('app_user').select('id').where('role', '=', 'student').where('email', 'like', '%pello%').orderBy('id').limit(2).execute();
    const admin = await db.selectFrom('app_user').select(['id', 'region_id']).where('email', '=', 'admin@tarjotin.example').executeTakeFirstOrThrow();
    const offering = await db
      .selectFrom('offering as o')
      .innerJoin('organization as p', 'p.id', 'o.provider_id')
      .select(['o.id', 'o.seats_taken', 'o.seats_for_partners'])
      .where('p.name', 'like', 'Lappia%')
      .where((eb) => eb('o.seats_for_partners', '>=', eb('o.seats_taken', '+', 2)))
      .orderBy('o.id')
      .executeTakeFirstOrThrow();
    return { db, students: students.map((s) => s.id), admin, offering };
  }

  it('accepts an open request, creates the other enrolment, takes both seats and tells each student', async () => {
    const { db, students, admin, offering } = await fixture();
    const open = await db.insertInto('enrolment').values({ region_id: admin.region_id!, offering_id: offering.id, student_id: students[0]!, status: 'requested' }).returning('id').executeTakeFirstOrThrow();
    const ids = await db.transaction().execute((tx) =>
      placeAllFromRound(tx, { regionId: admin.region_id!, actorId: admin.id, roundName: 'Testikierros' }, students.map((studentId) => ({ offeringId: offering.id, studentId }))),
    );
    expect(ids[0]).toBe(open.id);
    const rows = await db.selectFrom('enrolment').select(['id', 'status']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'accepted')).toBe(true);
    expect((await db.selectFrom('offering').select('seats_taken').where('id', '=', offering.id).executeTakeFirstOrThrow()).seats_taken).toBe(offering.seats_taken + 2);
    const events = await db.selectFrom('enrolment_event').select(['enrolment_id', 'from_status', 'to_status', 'reason']).where('enrolment_id', 'in', ids).where('to_status', '=', 'accepted').execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { enrolment_id: open.id, from_status: 'requested', to_status: 'accepted', reason: 'Selection round: Testikierros' },
        { enrolment_id: ids[1], from_status: null, to_status: 'accepted', reason: 'Selection round: Testikierros' },
      ]),
    );
    const told = await db.selectFrom('notification').select(['user_id', 'enrolment_id']).where('enrolment_id', 'in', ids).where('status', '=', 'accepted').execute();
    for (const [i, studentId] of students.entries()) expect(told).toContainEqual({ user_id: studentId, enrolment_id: ids[i] });
    // Placing again: the seats are theirs already, nothing more is taken.
    expect(await db.transaction().execute((tx) => placeAllFromRound(tx, { regionId: admin.region_id!, actorId: admin.id, roundName: 'Testikierros' }, students.map((studentId) => ({ offeringId: offering.id, studentId }))))).toEqual(ids);
    expect((await db.selectFrom('offering').select('seats_taken').where('id', '=', offering.id).executeTakeFirstOrThrow()).seats_taken).toBe(offering.seats_taken + 2);
  });

  it('refuses all when an offering has too few partner seats left, writing nothing', async () => {
    const { db, students, admin } = await fixture();
    const full = await db
      .selectFrom('offering as o')
      .innerJoin('organization as p', 'p.id', 'o.provider_id')
      .select(['o.id', 'o.seats_for_partners'])
      .where('p.name', 'like', 'Lappia%')
      .where('o.seats_for_partners', '>', 0)
      .orderBy('o.id', 'desc')
      .executeTakeFirstOrThrow();
    await db.updateTable('offering').set({ seats_taken: full.seats_for_partners }).where('id', '=', full.id).execute();
    const before = await db.selectFrom('enrolment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute((tx) => placeAllFromRound(tx, { regionId: admin.region_id!, actorId: admin.id, roundName: 'Testikierros' }, [{ offeringId: full.id, studentId: students[1]! }])),
    ).rejects.toMatchObject({ statusCode: 409, code: 'no_partner_seat' });
    expect(await db.selectFrom('enrolment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });
});
