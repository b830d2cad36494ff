import type { Role } from '../roles.js';

/**
 * What an identity's school claims say, as MPASSid gives them: the codes of the person's schools in
 * the national register (`urn:mpass.id:schoolCode`, five digits) and their roles, each as
 * "municipality or organization;school code;class;role" (`urn:mpass.id:role`, e.g.
 * "Pello;00640;2A;Oppilas"). Either claim may hold one value or a list. Null where the provider is
 * not configured with the claim, or the identity carries none. Pure.
 */
export interface SchoolClaims {
  schoolCodes: string[] | null;
  roles: { schoolCode: string | null; role: string }[] | null;
}

export interface SchoolClaimNames {
  schoolCodes?: string;
  roles?: string;
}

const SCHOOL_CODE = /^\d{5}$/;
/** MPASSid's roles of a learner; every other role (Opettaja, Opinto-ohjaaja, Henkilökunta …) is staff's. */
const LEARNER_ROLES = new Set(['oppilas', 'opiskelija', 'elev', 'studerande', 'pupil', 'student', 'learner']);

const values = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);

export function readSchoolClaims(claims: Record<string, unknown>, names: SchoolClaimNames): SchoolClaims {
  const schoolCodes = names.schoolCodes ? values(claims[names.schoolCodes]).filter((code) => SCHOOL_CODE.test(code)) : [];
  const roles = names.roles
    ? values(claims[names.roles]).map((text) => {
        const parts = text.split(';').map((p) => p.trim());
        const role = parts.at(-1)!;
        const schoolCode = parts.length >= 4 && SCHOOL_CODE.test(parts[1]!) ? parts[1]! : null;
        return { schoolCode, role };
      })
    : [];
  return { schoolCodes: schoolCodes.length > 0 ? schoolCodes : null, roles: roles.length > 0 ? roles : null };
}

/**
 * Whether the identity may be the account: a learner's identity only a student's account, a staff
 * identity never a student's; and when both the claims and the account name a school, the
 * account's school among the identity's. Null when nothing says otherwise (a provider without
 * school claims, an account of no registered school).
 */
export function schoolClaimsConflict(claims: SchoolClaims, account: { role: Role; schoolCode: string | null }): 'role_mismatch' | 'school_mismatch' | null {
  if (claims.roles) {
    const learner = claims.roles.some((r) => LEARNER_ROLES.has(r.role.toLowerCase()));
    const staff = claims.roles.some((r) => !LEARNER_ROLES.has(r.role.toLowerCase()));
    if (account.role === 'student' ? !learner : !staff) return 'role_mismatch';
  }
  const schools = [...(claims.schoolCodes ?? []), ...(claims.roles ?? []).flatMap((r) => (r.schoolCode ? [r.schoolCode] : []))];
  if (schools.length > 0 && account.schoolCode && !schools.includes(account.schoolCode)) return 'school_mismatch';
  return null;
}
