import type { Db } from '../../server/db/database.js';
import type { SessionUser } from '../auth/roles.js';
import { replaceTimeFrame, setAdoption } from '../timetable/time-frame.js';
import { DEMO_ACADEMIC_YEAR, LAPPI_TIME_FRAME } from './lappi-offerings.js';

/** The demo region's shared time frame, defined by its admin and adopted by every school and education provider of the region. */
export async function seedDemoTimeFrame(tx: Db, admin: SessionUser, regionId: number) {
  const frameId = await replaceTimeFrame(tx, admin, regionId, DEMO_ACADEMIC_YEAR, LAPPI_TIME_FRAME);
  const members = await tx.selectFrom('organization').select('id').where('region_id', '=', regionId).where('kind', 'in', ['school', 'provider']).orderBy('id').execute();
  for (const { id } of members) await setAdoption(tx, admin, frameId, id, true);
}
