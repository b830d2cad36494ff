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
 * May this user add or change a region's courses (the shared catalogue the offerings name): its
 * admins, and the coordinators of its providers — a provider names the courses it offers.
 */
export function canEditRegionCourses(user: SessionUser, regionId: number): boolean {
  return isAdminOf(user, regionId) || (user.role === 'coordinator' && user.regionId === regionId);
}

/**
 * May this user import, list and correct a school's students: its counsellors, and its region's
 * admins. Coordinators of a provider see students only through their enrolments.
 */
export function canManageStudents(user: SessionUser, school: { id: number; regionId: number }): boolean {
  return isAdminOf(user, school.regionId) || (user.role === 'counsellor' && user.organizationId === school.id);
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

/** The roles held within a region: every role but the system admin's, which spans regions. */
export const REGION_ROLES = ['admin', 'coordinator', 'counsellor', 'student', 'planner', 'worklife'] as const satisfies readonly Role[];
export type RegionRole = (typeof REGION_ROLES)[number];

/** Roles that belong to one organization: a coordinator's provider, a counsellor's and a student's school. */
export const ORGANIZATION_ROLES: ReadonlySet<Role> = new Set(['coordinator', 'counsellor', 'student']);

/** Roles that may name an organization without needing one: a planner's municipality, an employer's company. */
export const ORGANIZATION_OPTIONAL_ROLES: ReadonlySet<Role> = new Set(['planner', 'worklife']);

/** A role as held somewhere: in a region, and for some roles at one of its organizations. */
export interface RoleGrant {
  role: Role;
  regionId: number;
  organizationId: number | null;
}

/**
 * May this user give a role (invite someone to it, or change a person to it): the system admin
 * any region role anywhere; a region admin any role in their own region; a coordinator, other
 * coordinators and counsellors of their own organization.
 */
export function canGrantRole(user: SessionUser, grant: RoleGrant): boolean {
  if (grant.role === 'system_admin') return false;
  if (isAdminOf(user, grant.regionId)) return true;
  return (
    user.role === 'coordinator' &&
    user.regionId === grant.regionId &&
    user.organizationId !== null &&
    grant.organizationId === user.organizationId &&
    (grant.role === 'coordinator' || grant.role === 'counsellor')
  );
}

/** Whose invitations and accounts a user sees in the people pages: a region's (its admins), an organization's (its coordinators). */
export function peopleScope(user: SessionUser): { regionId: number | 'all'; organizationId?: number } | null {
  if (user.role === 'system_admin') return { regionId: 'all' };
  if (user.role === 'admin' && user.regionId !== null) return { regionId: user.regionId };
  if (user.role === 'coordinator' && user.regionId !== null && user.organizationId !== null) return { regionId: user.regionId, organizationId: user.organizationId };
  return null;
}

/** The roles a user may give in a region, for the forms that offer them (canGrantRole decides each grant). */
export function grantableRoles(user: SessionUser, regionId: number): readonly RegionRole[] {
  if (isAdminOf(user, regionId)) return REGION_ROLES;
  return user.role === 'coordinator' && user.regionId === regionId ? ['coordinator', 'counsellor'] : [];
}
