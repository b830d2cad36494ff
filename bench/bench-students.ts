import type { Db } from '../src/server/db/database.js';

/**
 * Students of Pellon lukio (the demo's) for a benchmark, `${prefix}${i}@bench.example`, one
 * password hash each. Written directly: the product has no bulk way to create accounts yet.
 */
export async function addPelloStudents(db: Db, prefix: string, passwordHashes: string[]) {
  const school = await db.selectFrom('organization').select(['id', 'region_id']).where('name', '=', 'Pellon lukio').executeTakeFirstOrThrow();
  await db
    .insertInto('app_user')
    .values(
      passwordHashes.map((password_hash, i) => ({
        email: `${prefix}${i}@bench.example`,
        name: `${prefix} ${i}`,
        role: 'student',
        password_hash,
        region_id: school.region_id,
        organization_id: school.id,
        home_municipality_code: '854',
      })),
    )
    .execute();
}
