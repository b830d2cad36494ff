import type { Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import { DEMO_ACADEMIC_YEAR, LAPPI_TIME_FRAME } from './lappi-offerings.js';

/** The demo region's shared time frame, adopted by every school and education provider of the region. */
export async function seedDemoTimeFrame(tx: Transaction<Database>, regionId: number) {
  const frame = await tx
    .insertInto('time_frame')
    .values({ region_id: regionId, academic_year: DEMO_ACADEMIC_YEAR, name: LAPPI_TIME_FRAME.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('time_frame_period')
    .values(LAPPI_TIME_FRAME.periods.map((p) => ({ frame_id: frame.id, region_id: regionId, number: p.number, starts_on: p.startsOn, ends_on: p.endsOn })))
    .execute();
  await tx
    .insertInto('time_frame_bar')
    .values(LAPPI_TIME_FRAME.bars.map((b) => ({ frame_id: frame.id, region_id: regionId, code: b.code, lessons: JSON.stringify(b.lessons) })))
    .execute();
  const members = await tx.selectFrom('organization').select('id').where('region_id', '=', regionId).where('kind', 'in', ['school', 'provider']).execute();
  await tx
    .insertInto('time_frame_adoption')
    .values(members.map((m) => ({ frame_id: frame.id, region_id: regionId, organization_id: m.id })))
    .execute();
}
