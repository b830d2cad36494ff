import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { useDemoApp } from '../../../test/test-app.js';
import { DEMO_PASSWORD } from './seed-demo.js';

/** The demo region is built as a real region starts, through the product's services (issue 11 §5). */
describe('the demo region as the product builds it', () => {
  const context = useDemoApp('pglite');
  const actions = async () => (await context.db.selectFrom('audit_event').select(['action']).execute()).map((a) => a.action);

  it('got its people by invitation and its students from their schools\' lists', async () => {
    const staff = await context.db
      .selectFrom('invitation as i')
      .innerJoin('app_user as u', 'u.id', 'i.accepted_user_id')
      .innerJoin('app_user as inviter', 'inviter.id', 'i.invited_by')
      .select(['u.email', 'u.role', 'inviter.email as invitedBy'])
      .orderBy('i.id')
      .execute();
    expect(staff[0]).toEqual({ email: 'admin@tarjotin.example', role: 'admin', invitedBy: 'jarjestelma@tarjotin.example' });
    expect(staff.slice(1).every((s) => s.invitedBy === 'admin@tarjotin.example')).toBe(true);
    expect(staff.map((s) => s.role).sort()).toEqual(['admin', 'coordinator', 'coordinator', 'counsellor', 'planner', 'worklife']);
    const all = await actions();
    expect(all.filter((a) => a === 'import_students')).toHaveLength(6);
    expect(all.filter((a) => a === 'reset_password')).toHaveLength(43);
    // The links were handed to the seed, not mailed.
    const mailed = await context.db.selectFrom('outbox_email').select('subject').execute();
    expect(mailed.some((m) => /kutsu|salasana/i.test(m.subject))).toBe(false);

    const oona = await context.db
      .selectFrom('app_user as u')
      .innerJoin('study_right as r', 'r.student_id', 'u.id')
      .select(['u.student_number', 'u.home_municipality_code', 'r.qualification', 'r.target_credits'])
      .where('u.email', '=', 'opiskelija.pello@tarjotin.example')
      .orderBy('r.kind')
      .execute();
    expect(oona).toEqual([
      { student_number: 'PEL-0001', home_municipality_code: '854', qualification: 'Lukion oppimäärä', target_credits: 150 },
      { student_number: 'PEL-0001', home_municipality_code: '854', qualification: 'Logistiikan perustutkinto', target_credits: 180 },
    ]);
    for (const email of ['jarjestelma@tarjotin.example', 'opiskelija.pello@tarjotin.example', 'valinta40@tarjotin.example']) {
      await ApiClient.signedIn(context.app, email, DEMO_PASSWORD);
    }
  });

  it('took each request along its path by the people whose steps they are, and made nothing without its service', async () => {
    const events = await context.db
      .selectFrom('enrolment_event as e')
      .innerJoin('app_user as u', 'u.id', 'e.actor_id')
      .select(['e.to_status', 'u.role'])
      .execute();
    const byStatus = (status: string) => [...new Set(events.filter((e) => e.to_status === status).map((e) => e.role))];
    expect(byStatus('requested')).toEqual(['student']);
    expect(byStatus('approved')).toEqual(['counsellor']);
    expect(byStatus('completed')).toEqual(['coordinator']);
    const waitlisted = await context.db.selectFrom('enrolment').select('offering_id').where('status', '=', 'waitlisted').executeTakeFirstOrThrow();
    const full = await context.db.selectFrom('offering').select(['seats_for_partners', 'seats_taken']).where('id', '=', waitlisted.offering_id).executeTakeFirstOrThrow();
    expect(full.seats_taken).toBe(full.seats_for_partners);
    const round = await context.db.selectFrom('selection_round').select(['created_by']).executeTakeFirstOrThrow();
    const admin = await context.db.selectFrom('app_user').select('id').where('email', '=', 'admin@tarjotin.example').executeTakeFirstOrThrow();
    expect(round.created_by).toBe(admin.id);
    expect(await context.db.selectFrom('round_wish').select('student_id').distinct().execute()).toHaveLength(40);
  });
});
