import type { Db } from '../../server/db/database.js';
import { readTableRecords } from '../../server/files/table-records.js';
import { sessionUserOf } from '../auth/sessions.js';
import type { SessionUser } from '../auth/roles.js';
import { acceptInvitation, createInvitation } from '../people/invitations.js';
import { requestPasswordReset, resetPassword } from '../people/passwords.js';
import { createSystemAdmin } from '../people/system-admin.js';
import { studentHeader } from '../students/student-file.js';
import { importStudents } from '../students/student-import.js';

export const DEMO_PASSWORD = 'demo-salasana-2026';

/** The installation's first user, made as `tarjotin create-admin` makes it; it invites the region's admin. */
export const DEMO_SYSTEM_ADMIN = { email: 'jarjestelma@tarjotin.example', name: 'Järjestelmän ylläpitäjä (demo)' } as const;

/** The region's staff, one per role, invited and accepted in this order; listed in the README. */
export const DEMO_STAFF = [
  { email: 'admin@tarjotin.example', name: 'Ylläpitäjä (demo)', role: 'admin', organizationKey: null },
  { email: 'koordinaattori.lappia@tarjotin.example', name: 'Liisa Koordinaattori (demo)', role: 'coordinator', organizationKey: 'lappia' },
  { email: 'koordinaattori.redu@tarjotin.example', name: 'Risto Koordinaattori (demo)', role: 'coordinator', organizationKey: 'redu' },
  { email: 'opo.pello@tarjotin.example', name: 'Outi Opinto-ohjaaja (demo)', role: 'counsellor', organizationKey: 'school-00640' },
  { email: 'suunnittelija.pello@tarjotin.example', name: 'Pekka Suunnittelija (demo)', role: 'planner', organizationKey: 'pello' },
  { email: 'tyoelama@tarjotin.example', name: 'Tiina Työelämä (demo)', role: 'worklife', organizationKey: 'konepaja' },
] as const;

export type DemoStaffEmail = (typeof DEMO_STAFF)[number]['email'];

/**
 * The people as a region gets them: the system admin invites the region's admin, who invites the
 * rest; each invitation is accepted with the demo password. The links are handed to the seed
 * instead of mailed (nobody reads the demo's addresses).
 */
export async function inviteDemoStaff(tx: Db, regionId: number, organizationIds: ReadonlyMap<string, number>): Promise<Map<DemoStaffEmail, SessionUser>> {
  const systemAdmin = await accountOf(tx, (await createSystemAdmin(tx, { ...DEMO_SYSTEM_ADMIN, password: DEMO_PASSWORD })).id);
  const staff = new Map<DemoStaffEmail, SessionUser>();
  for (const person of DEMO_STAFF) {
    const inviter = staff.get('admin@tarjotin.example') ?? systemAdmin;
    let link = '';
    const organizationId = person.organizationKey ? organizationIds.get(person.organizationKey)! : null;
    await createInvitation(tx, inviter, { email: person.email, role: person.role, regionId, organizationId }, { handOver: (token) => (link = token) });
    staff.set(person.email, sessionUserOf(await acceptInvitation(tx, link, { name: person.name, password: DEMO_PASSWORD })));
  }
  return staff;
}

/** A demo student as the school's administration system lists them. */
export interface DemoStudentRow {
  name: string;
  email: string;
  /** The school's own number of the student: what a re-import matches by. */
  studentNumber: string;
  /** As the export names the study rights: `Lukio`, a qualification's name, or both joined by `+`. */
  programme: string;
  startDate: string;
  homeMunicipalityCode: string;
}

/** A school's student list as a Wilma export gives it: Finnish headers, semicolons, Finnish dates. */
export function studentListCsv(students: readonly DemoStudentRow[]): string {
  const finnishDate = (iso: string) => iso.split('-').reverse().map(Number).join('.');
  const rows = students.map((s) => [s.studentNumber, s.name, s.email, s.programme, finnishDate(s.startDate), s.homeMunicipalityCode].join(';'));
  return ['Opiskelijanumero;Nimi;Sähköposti;Koulutus;Aloituspäivä;Kotikunta', ...rows].join('\r\n') + '\r\n';
}

/**
 * A school's students through the import its counsellor (or the region's admin) runs, read from
 * the CSV as an upload is; then each sets the demo password through a reset link, as an imported
 * student without single sign-on does.
 */
export async function importDemoStudents(tx: Db, importer: SessionUser, school: { id: number; regionId: number }, students: readonly DemoStudentRow[]) {
  const records = await readTableRecords(Buffer.from(studentListCsv(students), 'latin1'), 'csv', studentHeader);
  await importStudents(tx, importer, school, records);
  for (const { email } of students) {
    let link = '';
    await requestPasswordReset(tx, email, { handOver: (token) => (link = token) });
    await resetPassword(tx, link, DEMO_PASSWORD);
  }
}

/** The account of an id, as the permission rules see it. */
async function accountOf(db: Db, id: number): Promise<SessionUser> {
  return sessionUserOf(await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Demo accounts by e-mail, as the permission rules see them. */
export async function accountsByEmail(db: Db, emails: readonly string[]): Promise<Map<string, SessionUser>> {
  const rows = await db.selectFrom('app_user').selectAll().where('email', 'in', emails).execute();
  return new Map(rows.map((row) => [row.email, sessionUserOf(row)]));
}
