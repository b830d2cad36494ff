/**
 * Who may do what: the permission rules in one place. Routes and services ask these functions;
 * none compares roles itself.
 */
export const ROLES = ['system_admin', 'admin', 'coordinator', 'counsellor', 'student', 'planner', 'worklife'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  regionId: number | null;
  organizationId: number | null;
  homeMunicipalityCode: string | null;
}

/** A region admin administers one region (their own); only the system admin spans regions. */
export function isAdminOf(user: SessionUser, regionId: number): boolean {
  return user.role === 'system_admin' || (user.role === 'admin' && user.regionId === regionId);
}

/** An admin of some region, or the system admin: the admin pages are theirs. */
export function isAdmin(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'system_admin';
}

/** The regions whose region-wide data the user may list: every region, or the listed ones. */
export function administeredRegions(user: SessionUser): 'all' | number[] {
  if (user.role === 'system_admin') return 'all';
  return user.role === 'admin' && user.regionId !== null ? [user.regionId] : [];
}

/**
 * May this admin export or erase a person's data: a region admin, the people of their region but
 * not its admins; the system admin, anyone but other system admins. Nobody acts on themselves here.
 */
export function canAdministerPerson(user: SessionUser, person: { id: number; role: string; regionId: number | null }): boolean {
  if (person.id === user.id || person.role === 'system_admin') return false;
  if (user.role === 'system_admin') return true;
  return person.role !== 'admin' && person.regionId !== null && isAdminOf(user, person.regionId);
}

/** May this user update a region's statistics (population figures): its admins and planners. */
export function canUpdateRegionStatistics(user: SessionUser, regionId: number): boolean {
  return isAdminOf(user, regionId) || (user.role === 'planner' && user.regionId === regionId);
}

/** Does the user see every region's lists (rounds, enrolments): the system admin only. */
export const spansRegions = (user: SessionUser) => user.role === 'system_admin';

/** May this user manage an organization's offerings and sites: its own coordinators, and its region's admins. */
export function canManageOrganization(user: SessionUser, organization: { id: number; regionId: number }): boolean {
  return isAdminOf(user, organization.regionId) || (user.role === 'coordinator' && user.organizationId === organization.id);
}

/**
 * What a user may do with a student's plan and record: the student reads and edits, their school's
 * counsellors read and comment, the admins of the student's region do all. To anyone else the
 * student does not exist (404, not 403), so that ids cannot be probed for who studies where.
 */
export function studentAccess(user: SessionUser, student: { id: number; organizationId: number | null; regionId: number | null }) {
  const own = user.role === 'student' && user.id === student.id;
  const counsellor = user.role === 'counsellor' && user.organizationId !== null && user.organizationId === student.organizationId;
  const admin = student.regionId !== null && isAdminOf(user, student.regionId);
  return { read: own || counsellor || admin, edit: own || admin, comment: own || counsellor || admin };
}
