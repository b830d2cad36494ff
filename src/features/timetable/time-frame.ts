import type { Transaction } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import type { Database, TimeSlotRow } from '../../server/db/schema.js';
import { badRequest, forbidden, HttpError, notFound, type FieldIssue } from '../../server/http/errors.js';
import { canManageOrganization, isAdminOf, type SessionUser } from '../auth/roles.js';
import { timeFrameIssues, type TimeFrameInput } from './time-frame-schema.js';

type Executor = Db | Transaction<Database>;

/** The region's time frames with their periods, bars and adopting organizations. */
export async function listTimeFrames(db: Db, regionId: number) {
  const frames = await db.selectFrom('time_frame').selectAll().where('region_id', '=', regionId).orderBy('academic_year').execute();
  if (frames.length === 0) return { items: [] };
  const ids = frames.map((f) => f.id);
  const [periods, bars, adopters] = await Promise.all([
    db.selectFrom('time_frame_period').selectAll().where('frame_id', 'in', ids).orderBy('number').execute(),
    db.selectFrom('time_frame_bar').selectAll().where('frame_id', 'in', ids).orderBy('code').execute(),
    db
      .selectFrom('time_frame_adoption as a')
      .innerJoin('organization as o', 'o.id', 'a.organization_id')
      .select(['a.frame_id', 'o.id', 'o.name'])
      .where('a.frame_id', 'in', ids)
      .orderBy('o.name')
      .execute(),
  ]);
  return {
    items: frames.map((f) => ({
      id: f.id,
      academicYear: f.academic_year,
      name: f.name,
      periods: periods.filter((p) => p.frame_id === f.id).map((p) => ({ number: p.number, startsOn: p.starts_on, endsOn: p.ends_on })),
      bars: bars.filter((b) => b.frame_id === f.id).map((b) => ({ code: b.code, lessons: b.lessons })),
      adopters: adopters.filter((a) => a.frame_id === f.id).map((a) => ({ id: a.id, name: a.name })),
    })),
  };
}

/**
 * Defines (or redefines) the region's frame for a year. The offerings placed on its bars move
 * with their bars; removing a bar an offering uses is refused, so that no offering loses its times.
 */
export async function replaceTimeFrame(db: Db, user: SessionUser, regionId: number, academicYear: string, input: TimeFrameInput) {
  if (!isAdminOf(user, regionId)) throw forbidden('Only the region’s admins define its time frame');
  if (!(await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst())) throw notFound('Region');
  const issues = timeFrameIssues(input);
  if (issues.length > 0) throw badRequest(issues);
  return inTransaction(db, async (tx) => {
    const frame = await tx
      .insertInto('time_frame')
      .values({ region_id: regionId, academic_year: academicYear, name: input.name })
      .onConflict((oc) => oc.columns(['region_id', 'academic_year']).doUpdateSet({ name: input.name }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('time_frame_period').where('frame_id', '=', frame.id).execute();
    await tx.deleteFrom('time_frame_bar').where('frame_id', '=', frame.id).execute();
    await tx
      .insertInto('time_frame_period')
      .values(input.periods.map((p) => ({ frame_id: frame.id, region_id: regionId, number: p.number, starts_on: p.startsOn, ends_on: p.endsOn })))
      .execute();
    if (input.bars.length > 0) {
      await tx
        .insertInto('time_frame_bar')
        .values(input.bars.map((b) => ({ frame_id: frame.id, region_id: regionId, code: b.code, lessons: JSON.stringify(b.lessons) })))
        .execute();
    }
    await moveOfferingsWithTheirBars(tx, frame.id, academicYear, new Map(input.bars.map((b) => [b.code, b.lessons])));
    return frame.id;
  });
}

async function moveOfferingsWithTheirBars(tx: Transaction<Database>, frameId: number, academicYear: string, bars: Map<string, TimeSlotRow[]>) {
  const placed = await tx
    .selectFrom('offering')
    .select(['id', 'bar_codes'])
    .where('academic_year', '=', academicYear)
    .where('provider_id', 'in', tx.selectFrom('time_frame_adoption').select('organization_id').where('frame_id', '=', frameId))
    .where((eb) => eb(eb.fn('cardinality', ['bar_codes']), '>', 0))
    .execute();
  const orphans = placed.filter((o) => o.bar_codes.some((code) => !bars.has(code)));
  if (orphans.length > 0) {
    throw new HttpError(409, 'bar_in_use', `Offerings ${orphans.map((o) => o.id).join(', ')} run in a bar the new frame no longer has`);
  }
  for (const offering of placed) {
    await tx
      .updateTable('offering')
      .set({ time_slots: JSON.stringify(offering.bar_codes.flatMap((code) => bars.get(code)!)), updated_at: new Date() })
      .where('id', '=', offering.id)
      .execute();
  }
}

/** A school or provider adopts the frame (or leaves it, when none of its offerings uses a bar of it). */
export async function setAdoption(db: Db, user: SessionUser, frameId: number, organizationId: number, adopt: boolean) {
  const frame = await db.selectFrom('time_frame').select(['id', 'region_id', 'academic_year']).where('id', '=', frameId).executeTakeFirst();
  const organization = await db.selectFrom('organization').select(['id', 'region_id']).where('id', '=', organizationId).executeTakeFirst();
  if (!frame) throw notFound('Time frame');
  if (!organization || organization.region_id !== frame.region_id) throw notFound('Organization');
  if (!canManageOrganization(user, { id: organization.id, regionId: organization.region_id })) {
    throw forbidden('The region’s admins, or the organization’s own coordinators, decide on adopting a time frame');
  }
  if (adopt) {
    await db
      .insertInto('time_frame_adoption')
      .values({ frame_id: frameId, region_id: frame.region_id, organization_id: organizationId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  const placed = await db
    .selectFrom('offering')
    .select('id')
    .where('provider_id', '=', organizationId)
    .where('academic_year', '=', frame.academic_year)
    .where((eb) => eb(eb.fn('cardinality', ['bar_codes']), '>', 0))
    .executeTakeFirst();
  if (placed) throw new HttpError(409, 'bar_in_use', 'Some offerings of the organization run in the frame’s bars');
  await db.deleteFrom('time_frame_adoption').where('frame_id', '=', frameId).where('organization_id', '=', organizationId).execute();
}

/** The bars (with their lessons) and periods of the time frame a provider adopted for a school year. */
export interface AdoptedTimeFrame {
  lessons: ReadonlyMap<string, TimeSlotRow[]>;
  periods: ReadonlySet<number>;
}

export async function adoptedTimeFrame(db: Executor, providerId: number, academicYear: string): Promise<AdoptedTimeFrame | null> {
  const frame = await db
    .selectFrom('time_frame as f')
    .innerJoin('time_frame_adoption as a', 'a.frame_id', 'f.id')
    .select('f.id')
    .where('a.organization_id', '=', providerId)
    .where('f.academic_year', '=', academicYear)
    .executeTakeFirst();
  if (!frame) return null;
  const [bars, periods] = await Promise.all([
    db.selectFrom('time_frame_bar').select(['code', 'lessons']).where('frame_id', '=', frame.id).execute(),
    db.selectFrom('time_frame_period').select('number').where('frame_id', '=', frame.id).execute(),
  ]);
  return { lessons: new Map(bars.map((b) => [b.code, b.lessons])), periods: new Set(periods.map((p) => p.number)) };
}

/**
 * The lessons of the named bars in the provider's adopted frame, or issues at `bars` (no adopted
 * frame, unknown bar) and `periods` (a period the frame does not have).
 */
export function lessonsOfBars(
  frame: AdoptedTimeFrame | null,
  academicYear: string,
  codes: readonly string[],
  periods: readonly number[],
  at: (field: string) => string,
): { issues: FieldIssue[]; timeSlots: TimeSlotRow[] } {
  if (!frame) {
    return { issues: [{ path: at('bars'), code: 'no_time_frame', message: `the provider has adopted no time frame for ${academicYear}` }], timeSlots: [] };
  }
  const issues: FieldIssue[] = [];
  codes.forEach((code, i) => {
    if (!frame.lessons.has(code)) issues.push({ path: at(`bars.${i}`), code: 'unknown_bar', message: `the time frame has no bar ${code}` });
    else if (codes.indexOf(code) !== i) issues.push({ path: at(`bars.${i}`), code: 'duplicate', message: `bar ${code} twice` });
  });
  periods.forEach((p, i) => {
    if (!frame.periods.has(p)) issues.push({ path: at(`periods.${i}`), code: 'unknown_period', message: `the time frame has no period ${p}` });
  });
  return { issues, timeSlots: issues.length > 0 ? [] : codes.flatMap((code) => frame.lessons.get(code)!) };
}
