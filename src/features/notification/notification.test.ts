import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { deliverDueEmails } from './outbox.js';
import { retryDelayMinutes } from './recipients.js';

/** A local SMTP server that keeps what it receives. */
function useSmtpServer() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  const state = { port: 0, received };
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => {
    state.port = (server.server.address() as { port: number }).port;
    resolve();
  })));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

describe('retry delays', () => {
  it('grow from a minute to two hours', () => {
    expect([1, 2, 3, 4, 9].map(retryDelayMinutes)).toEqual([1, 5, 30, 120, 120]);
  });
});

describe.each(ENGINES)('notifications on %s', (engine) => {
  const context = useDemoApp(engine);
  const smtp = useSmtpServer();
  const firstOfferingOf = (providerNamePrefix: string) =>
    context.db
      .selectFrom('offering as o')
      .innerJoin('organization as p', 'p.id', 'o.provider_id')
      .select('o.id')
      .where('p.name', 'like', `${providerNamePrefix}%`)
      .orderBy('o.id')
      .executeTakeFirstOrThrow();

  it('tells the counsellor of a request and the student of the approval, in the app and by e-mail', async () => {
    const student = new ApiClient(context.app);
    await student.login('opiskelija.pello@tarjotin.example');
    const offering = await firstOfferingOf('Lapin koulutuskeskus REDU');
    const { body } = await student.post('/enrolments', { offeringId: offering.id });
    const counsellor = new ApiClient(context.app);
    await counsellor.login('opo.pello@tarjotin.example');
    const inbox = (await counsellor.get('/notifications')).body;
    expect(inbox.items[0]).toMatchObject({ enrolmentId: body.id, status: 'requested' });
    expect(inbox.unread).toBeGreaterThan(0);
    expect((await counsellor.post(`/notifications/${inbox.items[0].id}/read`)).status).toBe(204);
    expect((await student.post(`/notifications/${inbox.items[0].id}/read`)).status).toBe(404);

    await counsellor.post(`/enrolments/${body.id}/transitions`, { to: 'approved' });
    expect((await student.get('/notifications')).body.items[0]).toMatchObject({ enrolmentId: body.id, status: 'approved' });

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    const result = await deliverDueEmails(context.db, transport, 'Tarjotin <noreply@tarjotin.example>', 500);
    expect(result.sent).toBe(result.claimed);
    expect(smtp.received.some((m) => m.to.includes('opo.pello@tarjotin.example'))).toBe(true);
    const toStudent = smtp.received.find((m) => m.to.includes('opiskelija.pello@tarjotin.example') && m.data.includes(`/enrolments/${body.id}`));
    expect(toStudent).toBeDefined();
    expect((await deliverDueEmails(context.db, transport, 'x@example.fi')).claimed).toBe(0);
  });

  it('keeps a failed e-mail for a later retry and never loses the state change', async () => {
    const student = new ApiClient(context.app);
    await student.login('opiskelija2.pello@tarjotin.example');
    const offering = await firstOfferingOf('Kivalo');
    const { body } = await student.post('/enrolments', { offeringId: offering.id });
    const unreachable = nodemailer.createTransport({ host: '127.0.0.1', port: 1, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    const result = await deliverDueEmails(context.db, unreachable, 'x@example.fi', 500);
    expect(result.claimed).toBeGreaterThan(0);
    expect(result.sent).toBe(0);
    const failed = await context.db.selectFrom('outbox_email').selectAll().where('sent_at', 'is', null).execute();
    expect(failed.every((e) => e.attempts === 1 && e.last_error !== null && new Date(e.next_attempt_at) > new Date())).toBe(true);
    expect((await student.get(`/enrolments/${body.id}`)).body.status).toBe('requested');
  });
});
