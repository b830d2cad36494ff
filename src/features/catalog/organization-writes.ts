import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, forbidden, HttpError, isUniqueViolation } from '../../server/http/errors.js';
import { idSchema } from '../../server/http/input-schemas.js';
import { canManageOrganization, isAdmin, isAdminOf, type SessionUser } from '../auth/roles.js';
import { isValidBusinessId } from '../region/business-id.js';
import { municipalityCodeSchema as municipalityCode } from '../region/municipality-code.js';
import { findMunicipality } from '../region/region-queries.js';
import { findRegisterSchool } from '../region/school-register.js';
import { foldForSearch } from './search-text.js';
import { ORGANIZATION_KINDS } from './vocabulary.js';

export const organizationCreateSchema = z.object({
  regionId: idSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string().trim().min(2).max(200),
  businessId: z
    .string()
    .trim()
    .refine(isValidBusinessId, { message: 'not a valid Finnish business ID (1234567-8)', params: { code: 'invalid_business_id' } })
    .nullable()
    .optional(),
  municipalityCode: municipalityCode.nullable().optional(),
});

export const siteCreateSchema = z
  .object({
    organizationId: idSchema,
    name: z.string().trim().min(2).max(200),
    address: z.string().trim().max(300).nullable().optional(),
    municipalityCode,
    lat: z.number().min(59).max(71).optional(),
    lon: z.number().min(19).max(32).optional(),
  })
  .refine((s) => (s.lat === undefined) === (s.lon === undefined), { path: ['lon'], message: 'give both lat and lon, or neither' });

export const schoolFromRegisterSchema = z.object({ regionId: idSchema, schoolCode: z.string().regex(/^\d{5}$/, 'the register\'s five-digit school code') });

const organizationOut = (row: { id: number; region_id: number; kind: string; name: string; business_id: string | null; municipality_code: string | null }) => ({
  id: row.id,
  regionId: row.region_id,
  kind: row.kind,
  name: row.name,
  businessId: row.business_id,
  municipalityCode: row.municipality_code,
});

const duplicateName = (what: string) => new HttpError(409, 'duplicate', `The ${what} has one of this name already`, [{ path: 'body.name', code: 'duplicate', message: 'name in use' }]);

/** The region must exist (else a field error) and the user be its admin (403): who adds organizations. */
async function requireOrganizationRegion(db: Db, user: SessionUser, regionId: number) {
  if (!isAdmin(user)) throw forbidden('Only admins add organizations');
  const region = await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw badRequest([{ path: 'body.regionId', code: 'unknown_region', message: 'no such region' }]);
  if (!isAdminOf(user, region.id)) throw forbidden('You may only add organizations to your own region');
}

/** Adds an organization to a region: its admins only; the municipality must exist. */
export async function createOrganization(db: Db, user: SessionUser, input: z.infer<typeof organizationCreateSchema>) {
  await requireOrganizationRegion(db, user, input.regionId);
  return addOrganization(db, input);
}

/** The organization's row, its municipality checked; the region exists and authorization is the caller's (createOrganization). */
export async function addOrganization(db: Db, input: z.infer<typeof organizationCreateSchema>, schoolCode: string | null = null) {
  if (input.municipalityCode && !(await findMunicipality(db, input.municipalityCode))) {
    throw badRequest([{ path: 'body.municipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
  }
  try {
    const row = await db
      .insertInto('organization')
      .values({ region_id: input.regionId, kind: input.kind, name: input.name, business_id: input.businessId ?? null, municipality_code: input.municipalityCode ?? null, school_code: schoolCode, search_text: foldForSearch(input.name) })
      .returning(['id', 'region_id', 'kind', 'name', 'business_id', 'municipality_code'])
      .executeTakeFirstOrThrow();
    return organizationOut(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('region');
    throw error;
  }
}

/** Adds a teaching site: the organization's coordinators or its region's admins; without coordinates it stands at the municipality's centre, marked approximate. */
export async function createSite(db: Db, user: SessionUser, input: z.infer<typeof siteCreateSchema>) {
  const organization = await db.selectFrom('organization').select('region_id').where('id', '=', input.organizationId).executeTakeFirst();
  // An unknown organization is a field error for an admin (in addSite); to anyone else, not theirs.
  if (organization ? !canManageOrganization(user, { id: input.organizationId, regionId: organization.region_id }) : !isAdmin(user)) {
    throw forbidden('You may only add sites of your own organization');
  }
  return addSite(db, input);
}

/** The site's row, its organization and municipality checked; authorization is the caller's (createSite). */
export async function addSite(db: Db, input: z.infer<typeof siteCreateSchema>) {
  const organization = await db.selectFrom('organization').select('region_id').where('id', '=', input.organizationId).executeTakeFirst();
  const municipality = await findMunicipality(db, input.municipalityCode);
  const issues = [
    ...(organization ? [] : [{ path: 'body.organizationId', code: 'unknown_provider', message: 'no such organization' }]),
    ...(municipality?.lat != null ? [] : [{ path: 'body.municipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]),
  ];
  if (!organization || !municipality || issues.length > 0) throw badRequest(issues);
  const exact = input.lat !== undefined && input.lon !== undefined;
  try {
    const row = await db
      .insertInto('site')
      .values({
        region_id: organization.region_id,
        organization_id: input.organizationId,
        name: input.name,
        address: input.address ?? null,
        municipality_code: input.municipalityCode,
        lat: exact ? input.lat! : municipality.lat!,
        lon: exact ? input.lon! : municipality.lon!,
        location_approximate: !exact,
      })
      .returning(['id', 'region_id', 'organization_id', 'name', 'address', 'municipality_code', 'lat', 'lon', 'location_approximate'])
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      regionId: row.region_id,
      organizationId: row.organization_id,
      name: row.name,
      address: row.address,
      municipalityCode: row.municipality_code,
      lat: row.lat,
      lon: row.lon,
      locationApproximate: row.location_approximate,
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('organization');
    throw error;
  }
}

/**
 * Adds a school of the national register to a region: the school as an organization (with the
 * register's code, by which MPASSid names a pupil's school) and its building as a site at the
 * register's coordinates, in one transaction (both or neither). The region's admins only.
 */
export async function addSchoolFromRegister(db: Db, user: SessionUser, input: z.infer<typeof schoolFromRegisterSchema>) {
  await requireOrganizationRegion(db, user, input.regionId);
  return addRegisterSchool(db, input);
}

/** The register's school in a region, as addSchoolFromRegister adds it; authorization is the caller's. */
export async function addRegisterSchool(db: Db, input: z.infer<typeof schoolFromRegisterSchema>) {
  const school = findRegisterSchool(input.schoolCode);
  if (!school) throw badRequest([{ path: 'body.schoolCode', code: 'unknown_school', message: 'no school of this code in the register' }]);
  return inTransaction(db, async (tx) => {
    const organization = await addOrganization(tx, { regionId: input.regionId, kind: 'school', name: school.name, municipalityCode: school.municipalityCode }, school.code);
    const site = await addSite(tx, { organizationId: organization.id, name: school.name, municipalityCode: school.municipalityCode, lat: school.lat, lon: school.lon });
    return { organization, site };
  });
}
