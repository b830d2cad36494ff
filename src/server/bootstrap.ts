import { loadReferenceMunicipalities, upsertMunicipalities } from '../features/region/reference-data.js';
import { openDatabase, type DatabaseConfig, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the database, brings its schema up to date and refreshes the national reference data. */
export async function openMigratedDatabase(config: DatabaseConfig): Promise<Db> {
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
    await upsertMunicipalities(db, loadReferenceMunicipalities());
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
