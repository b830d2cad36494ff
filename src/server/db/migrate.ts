import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as tray from './migrations/0001_tray.js';
import * as searchKeys from './migrations/0002_search_keys.js';
import * as enrolment from './migrations/0003_enrolment.js';
import * as notifications from './migrations/0004_notifications.js';
import * as studyPlans from './migrations/0005_study_plans.js';
import * as selectionRounds from './migrations/0006_selection_rounds.js';
import * as timeFrame from './migrations/0007_time_frame.js';
import * as population from './migrations/0008_population.js';
import * as roadNetwork from './migrations/0009_road_network.js';
import * as signInLimits from './migrations/0010_sign_in_limits.js';
import * as offeringImport from './migrations/0011_offering_import.js';
import * as regionAdmins from './migrations/0012_region_admins.js';
import * as auditLog from './migrations/0013_audit_log.js';
import * as retentionIndexes from './migrations/0014_retention_indexes.js';
import * as offeringMapIndexes from './migrations/0015_offering_map_indexes.js';
import * as personLookupIndex from './migrations/0016_person_lookup_index.js';
import * as people from './migrations/0017_people.js';
import * as courseSources from './migrations/0018_course_sources.js';
import * as studentRegister from './migrations/0019_student_register.js';
import * as singleSignOn from './migrations/0020_single_sign_on.js';
import * as regionTravelLimit from './migrations/0021_region_travel_limit.js';
import * as organizationSchoolCode from './migrations/0022_organization_school_code.js';
import * as wordSearchIndexes from './migrations/0023_word_search_indexes.js';

/** Migrations are listed here, in order, so that they ship inside the bundle with no file-system scan. */
const migrations: Record<string, Migration> = {
  '0001_tray': tray,
  '0002_search_keys': searchKeys,
  '0003_enrolment': enrolment,
  '0004_notifications': notifications,
  '0005_study_plans': studyPlans,
  '0006_selection_rounds': selectionRounds,
  '0007_time_frame': timeFrame,
  '0008_population': population,
  '0009_road_network': roadNetwork,
  '0010_sign_in_limits': signInLimits,
  '0011_offering_import': offeringImport,
  '0012_region_admins': regionAdmins,
  '0013_audit_log': auditLog,
  '0014_retention_indexes': retentionIndexes,
  '0015_offering_map_indexes': offeringMapIndexes,
  '0016_person_lookup_index': personLookupIndex,
  '0017_people': people,
  '0018_course_sources': courseSources,
  '0019_student_register': studentRegister,
  '0020_single_sign_on': singleSignOn,
  '0021_region_travel_limit': regionTravelLimit,
  '0022_organization_school_code': organizationSchoolCode,
  '0023_word_search_indexes': wordSearchIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this version knows, in order: its schema versions. */
export const migrationNames = () => Object.keys(migrations);

/** Brings the schema up to (and including) the named migration: a backup's version, before its rows are restored. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error;
}
