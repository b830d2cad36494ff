import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
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

/** Adds an organization to a region: its admins only; the municipality must exist. */
export async function createOrganization(db: Db, user: SessionUser, input: z.infer<typeof organizationCreateSchema>) {
  if (!isAdmin(user)) throw forbidden('Only admins add organizations');
  const region = await db.selectFrom('region').select('id').where('id', '=', input.regionId).executeTakeFirst();
  if (!region) throw badRequest([{ path: 'body.regionId', code: 'unknown_region', message: 'no such region' }]);
  if (!isAdminOf(user, region.id)) throw forbidden('You may only add organizations to your own region');
  if (input.municipalityCode && !(await findMunicipality(db, input.municipalityCode))) {
    throw badRequest([{ path: 'body.municipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
  }
  try {
    const row = await db
      .insertInto('organization')
      .values({ region_id: input.regionId, kind: input.kind, name: input.name, business_id: input.businessId ?? null, municipality_code: input.municipalityCode ?? null, search_text: foldForSearch(input.name) })
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
  // An unknown organization is a field error for an admin (below); to anyone else, not theirs.
  if (organization ? !canManageOrganization(user, { id: input.organizationId, regionId: organization.region_id }) : !isAdmin(user)) {
    throw forbidden('You may only add sites of your own organization');
  }
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
 * Adds a school of the national register to a region: the school as an organization and its
 * building as a site at the register's coordinates, in one transaction (both or neither).
 */
export async function addSchoolFromRegister(db: Db, user: SessionUser, input: z.infer<typeof schoolFromRegisterSchema>) {
  const school = findRegisterSchool(input.schoolCode);
  if (!school) throw badRequest([{ path: 'body.schoolCode', code: 'unknown_school', message: 'no school of this code in the register' }]);
  return db.transaction().execute(async (tx) => {
    const organization = await createOrganization(tx, user, { regionId: input.regionId, kind: 'school', name: school.name, municipalityCode: school.municipalityCode });
    const site = await createSite(tx, user, { organizationId: organization.id, name: school.name, municipalityCode: school.municipalityCode, lat: school.lat, lon: school.lon });
    return { organization, site };
  });
}
