import { describe, expect, it } from 'vitest';
import { readSchoolClaims, schoolClaimsConflict } from './school-claims.js';

const MPASSID = { schoolCodes: 'urn:mpass.id:schoolCode', roles: 'urn:mpass.id:role' };

describe('MPASSid school claims', () => {
  it('reads school codes and roles in one value or a list, and nothing where the provider is not configured for them', () => {
    const claims = { 'urn:mpass.id:schoolCode': '00640', 'urn:mpass.id:role': ['Pello;00640;2A;Oppilas', '1.2.246.562.10.12345678907;99900;7B;Opettaja', 'Oppilas'] };
    expect(readSchoolClaims(claims, MPASSID)).toEqual({
      schoolCodes: ['00640'],
      roles: [{ schoolCode: '00640', role: 'Oppilas' }, { schoolCode: '99900', role: 'Opettaja' }, { schoolCode: null, role: 'Oppilas' }],
    });
    expect(readSchoolClaims(claims, {})).toEqual({ schoolCodes: null, roles: null });
    expect(readSchoolClaims({ 'urn:mpass.id:schoolCode': ['x', 5] }, MPASSID)).toEqual({ schoolCodes: null, roles: null });
  });

  it('fits a learner to a student\'s account and staff to a staff account, at the account\'s school', () => {
    const pupil = readSchoolClaims({ 'urn:mpass.id:role': 'Pello;00640;2A;Oppilas' }, MPASSID);
    const teacher = readSchoolClaims({ 'urn:mpass.id:role': 'Pello;00640;;Opettaja' }, MPASSID);
    expect(schoolClaimsConflict(pupil, { role: 'student', schoolCode: '00640' })).toBeNull();
    expect(schoolClaimsConflict(pupil, { role: 'student', schoolCode: null })).toBeNull();
    expect(schoolClaimsConflict(pupil, { role: 'student', schoolCode: '00641' })).toBe('school_mismatch');
    expect(schoolClaimsConflict(pupil, { role: 'counsellor', schoolCode: '00640' })).toBe('role_mismatch');
    expect(schoolClaimsConflict(teacher, { role: 'student', schoolCode: '00640' })).toBe('role_mismatch');
    expect(schoolClaimsConflict(teacher, { role: 'counsellor', schoolCode: '00640' })).toBeNull();
    expect(schoolClaimsConflict({ schoolCodes: null, roles: null }, { role: 'student', schoolCode: '00640' })).toBeNull();
  });
});
