import { loadReferenceMunicipalities, upsertMunicipalities } from '../features/region/reference-data.js';
import { loadReferencePopulation } from '../features/population/reference-population.js';
import { openDatabase, type DatabaseConfig, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the database, brings its schema up to date, refreshes the municipalities and loads the bundled population statistics once. */
export async function openMigratedDatabase(config: DatabaseConfig): Promise<Db> {
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
    await upsertMunicipalities(db, loadReferenceMunicipalities());
    await loadReferencePopulation(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
