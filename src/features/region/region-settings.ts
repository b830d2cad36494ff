import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { forbidden, notFound } from '../../server/http/errors.js';
import { isAdminOf, type SessionUser } from '../auth/roles.js';
import { recordAudit, type AuditActor } from '../privacy/audit-log.js';

/**
 * The settings the knowledge base computes with: the three parameters of the travel-time estimate
 * (docs/travel-time.md) and the daily travel limit (docs/knowledge-base.md). The bounds keep
 * each within what a Finnish region could mean: a road no straighter than the crow's line and at
 * most three times as long, an average speed of 10–130 km/h, up to an hour of walking and waiting.
 */
export const regionSettingsSchema = z
  .object({
    travelCircuity: z.number().min(1).max(3).optional(),
    travelSpeedKmh: z.number().min(10).max(130).optional(),
    travelOverheadMinutes: z.number().min(0).max(60).optional(),
    dailyTravelLimitMinutes: z.number().int().min(10).max(180).optional(),
  })
  .refine((change) => Object.values(change).some((v) => v !== undefined), { message: 'give at least one setting to change', params: { code: 'empty_change' } });

export type RegionSettings = Required<z.infer<typeof regionSettingsSchema>>;

export const regionSettingsOf = (region: { travel_circuity: number; travel_speed_kmh: number; travel_overhead_minutes: number; daily_travel_limit_minutes: number }): RegionSettings => ({
  travelCircuity: region.travel_circuity,
  travelSpeedKmh: region.travel_speed_kmh,
  travelOverheadMinutes: region.travel_overhead_minutes,
  dailyTravelLimitMinutes: region.daily_travel_limit_minutes,
});

/** The region (404 if there is none), if the user is its admin or the system admin (403 otherwise). */
export async function requireRegionAdmin(db: Db, user: SessionUser, regionId: number) {
  const region = await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw notFound('Region');
  if (!isAdminOf(user, regionId)) throw forbidden('Only the region\'s admins change its settings');
}

/** Changes a region's settings; authorization is the caller's (requireRegionAdmin). The audit trail keeps each changed setting's value before and after. */
export async function changeRegionSettings(db: Db, actor: AuditActor, regionId: number, change: z.infer<typeof regionSettingsSchema>): Promise<RegionSettings> {
  return inTransaction(db, async (tx) => {
    const region = await tx.selectFrom('region').select(['id', 'travel_circuity', 'travel_speed_kmh', 'travel_overhead_minutes', 'daily_travel_limit_minutes']).where('id', '=', regionId).forUpdate().executeTakeFirstOrThrow();
    const before = regionSettingsOf(region);
    const after = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as RegionSettings;
    await tx
      .updateTable('region')
      .set({ travel_circuity: after.travelCircuity, travel_speed_kmh: after.travelSpeedKmh, travel_overhead_minutes: after.travelOverheadMinutes, daily_travel_limit_minutes: after.dailyTravelLimitMinutes })
      .where('id', '=', regionId)
      .execute();
    const changed = (Object.keys(after) as (keyof RegionSettings)[]).filter((key) => after[key] !== before[key]);
    await recordAudit(tx, actor, 'change_region_settings', { regionId, detail: Object.fromEntries(changed.flatMap((key) => [[key, after[key]], [`${key}Before`, before[key]]])) });
    return after;
  });
}
