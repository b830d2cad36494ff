import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, HttpError, isUniqueViolation } from '../../server/http/errors.js';
import { foldForSearch } from '../catalog/search-text.js';
import { recordAudit, type AuditActor } from '../privacy/audit-log.js';
import { KOPA_PILOT_REGIONS, municipalityCodesOf, type RegionTemplate } from './kopa-pilot-regions.js';
import { municipalityCodeSchema } from './municipality-code.js';
import { readFormerMunicipalities } from './reference-data.js';

const regionCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'letters a–z, digits and hyphens, 2–40 characters (e.g. ita-uusimaa)' });
const regionName = z.string().trim().min(2).max(100);

export const regionCreateSchema = z.object({
  code: regionCode,
  nameFi: regionName,
  nameSv: regionName,
  nameEn: regionName.optional(),
  municipalityCodes: z.array(municipalityCodeSchema).min(1).max(400),
});
export type RegionCreate = z.infer<typeof regionCreateSchema>;

export const regionFromTemplateSchema = z.object({
  template: z.string().trim().min(1),
  /** The Swedish name; the template's names are the Finnish ones its source gives. */
  nameSv: regionName.optional(),
  code: regionCode.optional(),
});

/**
 * A new cooperation region with its member municipalities, and the named organizations, in one
 * transaction: all or nothing. A municipality may belong to several regions (Loviisa is in two
 * KOPA pilots). Travel parameters start from the database's defaults (settings change them).
 * The audit trail records who created it.
 */
export async function createRegion(db: Db, actor: AuditActor, region: RegionCreate, providers: readonly string[] = []): Promise<{ id: number }> {
  const codes = [...new Set(region.municipalityCodes)];
  const known = await db.selectFrom('municipality').select('code').where('code', 'in', codes).execute();
  const unknown = codes.filter((code) => !known.some((m) => m.code === code));
  if (unknown.length > 0) {
    throw badRequest(unknown.map((code) => ({ path: `body.municipalityCodes.${region.municipalityCodes.indexOf(code)}`, code: 'unknown_municipality', message: `no municipality ${code}` })));
  }
  try {
    return await inTransaction(db, async (tx) => {
      const row = await tx
        .insertInto('region')
        .values({ code: region.code, name_fi: region.nameFi, name_sv: region.nameSv, name_en: region.nameEn ?? region.nameFi })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('region_municipality').values(codes.map((code) => ({ region_id: row.id, municipality_code: code }))).execute();
      if (providers.length > 0) {
        await tx
          .insertInto('organization')
          .values(providers.map((name) => ({ region_id: row.id, kind: 'provider', name, business_id: null, municipality_code: null, search_text: foldForSearch(name) })))
          .execute();
      }
      await recordAudit(tx, actor, 'create_region', { regionId: row.id, detail: { municipalities: codes.length, organizations: providers.length } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'duplicate', `A region with the code ${region.code} exists`, [{ path: 'body.code', code: 'duplicate', message: 'code in use' }]);
    throw error;
  }
}

/** A region from one of the KOPA pilot templates: its municipalities and its named providers. */
export async function createRegionFromTemplate(db: Db, actor: AuditActor, request: z.infer<typeof regionFromTemplateSchema>): Promise<{ id: number }> {
  const template = KOPA_PILOT_REGIONS.find((t) => t.key === request.template);
  if (!template) {
    throw badRequest([{ path: 'body.template', code: 'unknown_template', message: `no template ${request.template}; templates: ${KOPA_PILOT_REGIONS.map((t) => t.key).join(', ')}` }]);
  }
  const municipalityCodes = (await templateMunicipalityCodes(db))(template);
  return createRegion(
    db,
    actor,
    { code: request.code ?? template.key, nameFi: template.nameFi, nameSv: request.nameSv ?? template.nameFi, municipalityCodes },
    template.providers,
  );
}

/** Resolves templates' municipality names against the municipalities stored, and former ones. */
export async function templateMunicipalityCodes(db: Db): Promise<(template: RegionTemplate) => string[]> {
  const municipalities = await db.selectFrom('municipality').select(['code', 'name_fi as nameFi']).execute();
  const former = readFormerMunicipalities();
  return (template) => municipalityCodesOf(template, municipalities, former);
}
