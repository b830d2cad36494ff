import type { Transaction } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/schema.js';
import { adoptedTimeFrame, type AdoptedTimeFrame } from '../timetable/time-frame.js';

type Executor = Db | Transaction<Database>;

/**
 * What checking an offering needs from the database, each fact read once per instance: an import
 * of 20,000 rows reads its provider, each course, each site and each time frame once, not per row.
 * Make one per request or import; it does not see later changes.
 */
export class OfferingLookups {
  readonly #cache = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Executor) {}

  #once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.#cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.#cache.set(key, value);
    }
    return value;
  }

  provider(id: number) {
    return this.#once(`provider:${id}`, () => this.db.selectFrom('organization').select(['region_id', 'kind']).where('id', '=', id).executeTakeFirst());
  }

  async courseId(regionId: number, code: string): Promise<number | undefined> {
    const course = await this.#once(`course:${regionId}:${code}`, () =>
      this.db.selectFrom('course').select('id').where('region_id', '=', regionId).where('code', '=', code).executeTakeFirst(),
    );
    return course?.id;
  }

  async siteIsInRegion(siteId: number, regionId: number): Promise<boolean> {
    const site = await this.#once(`site:${siteId}`, () => this.db.selectFrom('site').select('region_id').where('id', '=', siteId).executeTakeFirst());
    return site?.region_id === regionId;
  }

  timeFrame(providerId: number, academicYear: string): Promise<AdoptedTimeFrame | null> {
    return this.#once(`frame:${providerId}:${academicYear}`, () => adoptedTimeFrame(this.db, providerId, academicYear));
  }
}
