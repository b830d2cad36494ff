import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { linkTokenSentTo } from '../../../test/mailbox.js';
import { useDemoApp } from '../../../test/test-app.js';
import { NO_PASSWORD } from '../auth/password.js';

const COUNSELLOR = 'opo.pello@tarjotin.example';
const HEADER = 'Sukunimi;Etunimet;Kutsumanimi;Sähköposti;Syntymäaika;Opiskelijanumero;Koulutus;Aloituspäivä;Kotikunta';
const ROWS = [
  'Aho;Aino Maria;Aino;aino.aho@pello.example;14.3.2009;P-1001;Lukio;1.8.2025;Pello',
  'Björk;Elias;;elias.bjork@pello.example;2.11.2008;P-1002;Lukio + Logistiikan perustutkinto;1.8.2024;Ylitornio',
  // Rovaniemi mlk (699) joined Rovaniemi (698) in 2006: an old record may still carry its code.
  'Kallio;Sanni;;sanni.kallio@pello.example;30.6.2009;P-1003;Sosiaali- ja terveysalan perustutkinto;1.8.2025;699',
];
/** As Finnish Excel saves "CSV (semicolon delimited)": Windows-1252, CRLF. */
const finnishExcelCsv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'latin1');

describe.each(ENGINES)('students from the school\'s administration system on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string, password?: string) => {
    const client = new ApiClient(context.app);
    await client.login(email, password);
    return client;
  };
  const pelloSchool = async () => (await context.db.selectFrom('app_user').select('organization_id').where('email', '=', COUNSELLOR).executeTakeFirstOrThrow()).organization_id!;
  const upload = (client: ApiClient, school: number, body: Buffer, type = 'text/csv') => client.request('POST', `/organizations/${school}/students/import`, body, { 'content-type': type });
  const studentCount = async () => Number((await context.db.selectFrom('app_user').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'student').executeTakeFirstOrThrow()).n);

  it('imports a Finnish Excel CSV: accounts without a password, study rights with their start, former municipalities as today\'s', async () => {
    const school = await pelloSchool();
    const counsellor = await signedIn(COUNSELLOR);
    const result = await upload(counsellor, school, finnishExcelCsv(ROWS));
    expect(result.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const students = await context.db
      .selectFrom('app_user')
      .select(['id', 'name', 'email', 'role', 'organization_id', 'student_number', 'birth_date', 'home_municipality_code', 'password_hash'])
      .where('email', 'like', '%@pello.example')
      .orderBy('email')
      .execute();
    expect(students.map(({ id: _id, ...s }) => s)).toEqual([
      { name: 'Aino Aho', email: 'aino.aho@pello.example', role: 'student', organization_id: school, student_number: 'P-1001', birth_date: '2009-03-14', home_municipality_code: '854', password_hash: NO_PASSWORD },
      { name: 'Elias Björk', email: 'elias.bjork@pello.example', role: 'student', organization_id: school, student_number: 'P-1002', birth_date: '2008-11-02', home_municipality_code: '976', password_hash: NO_PASSWORD },
      { name: 'Sanni Kallio', email: 'sanni.kallio@pello.example', role: 'student', organization_id: school, student_number: 'P-1003', birth_date: '2009-06-30', home_municipality_code: '698', password_hash: NO_PASSWORD },
    ]);
    const elias = students[1]!.id;
    const rights = await context.db.selectFrom('study_right').select(['kind', 'qualification', 'target_credits', 'start_date']).where('student_id', '=', elias).orderBy('kind').execute();
    expect(rights).toEqual([
      { kind: 'general_upper_secondary', qualification: 'Lukion oppimäärä', target_credits: 150, start_date: '2024-08-01' },
      { kind: 'vocational', qualification: 'Logistiikan perustutkinto', target_credits: 180, start_date: '2024-08-01' },
    ]);
    const list = await counsellor.get(`/organizations/${school}/students?q=björk`);
    expect(list.body).toMatchObject({ total: 1, items: [{ name: 'Elias Björk', studentNumber: 'P-1002', studyRights: [{ kind: 'general_upper_secondary' }, { kind: 'vocational', qualification: 'Logistiikan perustutkinto' }] }] });
  });

  it('updates by student number on a re-import instead of duplicating; e-mail is the key where the number is missing', async () => {
    const school = await pelloSchool();
    const counsellor = await signedIn(COUNSELLOR);
    const before = await studentCount();
    const renamed = [ROWS[0]!.replace('Aho;', 'Aho-Niemi;'), ROWS[1]!, ROWS[2]!.replace(';P-1003;', ';;')];
    expect((await upload(counsellor, school, finnishExcelCsv(renamed))).body).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await studentCount()).toBe(before);
    expect((await context.db.selectFrom('app_user').select('name').where('student_number', '=', 'P-1001').executeTakeFirstOrThrow()).name).toBe('Aino Aho-Niemi');
    // Sanni's number stays when the file leaves it out.
    expect((await context.db.selectFrom('app_user').select('student_number').where('email', '=', 'sanni.kallio@pello.example').executeTakeFirstOrThrow()).student_number).toBe('P-1003');
  });

  it('takes an XLSX file as a form upload, with date cells', async () => {
    const school = await pelloSchool();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Opiskelijat');
    sheet.addRow(['Nimi', 'Sähköposti', 'Syntymäaika', 'Koulutus', 'Kotikunta']);
    sheet.addRow(['Veeti Vaara', 'veeti.vaara@pello.example', new Date(Date.UTC(2009, 0, 5)), 'lukiokoulutus', '854']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const boundary = 'tarjotin-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="opiskelijat.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const counsellor = await signedIn(COUNSELLOR);
    const result = await upload(counsellor, school, body, `multipart/form-data; boundary=${boundary}`);
    expect(result.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await context.db.selectFrom('app_user').select(['birth_date', 'student_number']).where('email', '=', 'veeti.vaara@pello.example').executeTakeFirstOrThrow()).toEqual({ birth_date: '2009-01-05', student_number: null });
  });

  it('refuses a file with bad rows, naming each row and field, and writes nothing', async () => {
    const school = await pelloSchool();
    const counsellor = await signedIn(COUNSELLOR);
    const before = await studentCount();
    const bad = await upload(counsellor, school, finnishExcelCsv([
      'Uusi;Olli;;olli.uusi@pello.example;1.1.2009;P-2001;Lukio;;Pello',
      'Virhe;Ville;;ei-osoite;31.2.2009;P-2002;Kokki;;Atlantis',
      `Opo;Outi;;${COUNSELLOR};1.1.1980;P-2003;Lukio;;Pello`,
      'Uusi;Olli;;olli.toinen@pello.example;1.1.2009;P-2001;Lukio;;Pello',
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.rows).toEqual([
      { row: 3, field: 'email', message: '"ei-osoite" is not an e-mail address' },
      { row: 3, field: 'birthDate', message: '"31.2.2009" is not a date of birth (31.12.2008)' },
      { row: 3, field: 'programme', message: '"Kokki" is neither lukio nor a qualification (…tutkinto)' },
      { row: 3, field: 'homeMunicipality', message: 'no municipality "Atlantis"' },
      { row: 5, field: 'studentNumber', message: 'student P-2001 is on row 2 too' },
    ]);
    const taken = await upload(counsellor, school, finnishExcelCsv([`Opo;Outi;;${COUNSELLOR};1.1.1980;P-2003;Lukio;;Pello`]));
    expect(taken.body.rows).toEqual([expect.objectContaining({ row: 2, field: 'email' })]);
    expect(taken.body.issues[0]).toMatchObject({ code: 'email_taken', row: 2 });
    // One row's number and another's address are one student's: refused rather than merged.
    const twice = await upload(counsellor, school, finnishExcelCsv(['Aho;Aino;;uusi.osoite@pello.example;14.3.2009;P-1001;Lukio;;Pello', 'Aho;Aino;;aino.aho@pello.example;14.3.2009;;Lukio;;Pello']));
    expect(twice.body.rows).toEqual([{ row: 3, field: 'studentNumber', message: 'row 2 is the same student (by student number or e-mail)' }]);
    const noProgramme = await upload(counsellor, school, Buffer.from('Nimi;Sähköposti;Opiskelijanumero\nOlli Uusi;olli@pello.example;1\n'));
    expect(noProgramme.body.rows).toEqual([{ row: 1, field: 'programme', message: 'no column for programme' }]);
    expect((await upload(counsellor, school, Buffer.alloc(0))).status).toBe(400);
    expect(await studentCount()).toBe(before);
  });

  it('lets only the school\'s counsellors and the region\'s admins import, list and correct (nothing written otherwise)', async () => {
    const school = await pelloSchool();
    const other = (await context.db.selectFrom('organization').select('id').where('kind', '=', 'school').where('id', '<>', school).executeTakeFirstOrThrow()).id;
    const before = await studentCount();
    const counsellor = await signedIn(COUNSELLOR);
    expect((await upload(counsellor, other, finnishExcelCsv(['Uusi;Olli;;olli.uusi@pello.example;1.1.2009;P-2001;Lukio;;Pello']))).status).toBe(403);
    expect((await counsellor.get(`/organizations/${other}/students`)).status).toBe(403);
    for (const email of ['opiskelija.pello@tarjotin.example', 'koordinaattori.lappia@tarjotin.example', 'suunnittelija.pello@tarjotin.example']) {
      const client = await signedIn(email);
      expect((await upload(client, school, finnishExcelCsv(['Uusi;Olli;;olli.uusi@pello.example;1.1.2009;P-2001;Lukio;;Pello']))).status).toBe(403);
      expect((await client.get(`/organizations/${school}/students`)).status).toBe(403);
    }
    expect(await studentCount()).toBe(before);
    const admin = await signedIn('admin@tarjotin.example');
    expect((await admin.get(`/organizations/${school}/students`)).body.total).toBeGreaterThan(3);
    const audit = await context.db.selectFrom('audit_event').select('detail').where('action', '=', 'read_students').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('a counsellor corrects a student; the imported student sets a password by the reset link and signs in', async () => {
    const counsellor = await signedIn(COUNSELLOR);
    const aino = await context.db.selectFrom('app_user').select('id').where('email', '=', 'aino.aho@pello.example').executeTakeFirstOrThrow();
    expect((await counsellor.patch(`/students/${aino.id}`, { name: 'Aino Aho', homeMunicipalityCode: '976', birthDate: '14.3.2009' })).status).toBe(204);
    expect(await context.db.selectFrom('app_user').select(['name', 'home_municipality_code']).where('id', '=', aino.id).executeTakeFirstOrThrow()).toEqual({ name: 'Aino Aho', home_municipality_code: '976' });
    expect((await counsellor.patch(`/students/${aino.id}`, { email: 'elias.bjork@pello.example' })).body.issues).toEqual([expect.objectContaining({ path: 'body.email', code: 'duplicate' })]);
    expect((await counsellor.patch(`/students/${aino.id}`, { homeMunicipalityCode: '999' })).body.issues[0].path).toBe('body.homeMunicipalityCode');
    expect((await counsellor.patch(`/students/${aino.id}`, {})).status).toBe(400);
    const student = await signedIn('opiskelija.pello@tarjotin.example');
    expect((await student.patch(`/students/${aino.id}`, { name: 'Xavier' })).status).toBe(404);

    const visitor = new ApiClient(context.app);
    expect((await visitor.post('/auth/login', { email: 'aino.aho@pello.example', password: NO_PASSWORD })).status).toBe(401);
    expect((await visitor.post('/auth/password-reset', { email: 'aino.aho@pello.example' })).status).toBe(202);
    const token = await linkTokenSentTo(context.db, 'aino.aho@pello.example', 'reset-password');
    expect((await visitor.post(`/auth/password-reset/${token}`, { password: 'tunturin takana paistaa' })).status).toBe(204);
    const session = await new ApiClient(context.app).login('aino.aho@pello.example', 'tunturin takana paistaa');
    expect(session.user).toMatchObject({ role: 'student', homeMunicipalityCode: '976' });
    // A corrected address ends the sessions begun under the old one.
    const signedInAino = new ApiClient(context.app);
    await signedInAino.login('aino.aho@pello.example', 'tunturin takana paistaa');
    expect((await counsellor.patch(`/students/${aino.id}`, { email: 'aino.aho2@pello.example' })).status).toBe(204);
    expect((await signedInAino.get('/auth/session')).body.user).toBeNull();
  });
});
