export const ROLES = ['admin', 'coordinator', 'counsellor', 'student', 'planner', 'worklife'] as const;
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

/** May this user manage the offerings of the given provider organization? */
export function canManageProviderOfferings(user: SessionUser, providerId: number): boolean {
  return user.role === 'admin' || (user.role === 'coordinator' && user.organizationId === providerId);
}
