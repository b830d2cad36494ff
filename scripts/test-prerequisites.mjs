// What the test suite needs from Debian, and where it is found. Shared by the install script and the test harness.
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const BZIP2 = '/usr/bin/bzip2';

/** The bin directory of the newest PostgreSQL server installed from Debian's packages, if any. */
export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`) && Number(v) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${root}/${versions[0]}/bin` : undefined;
}

export function missingDebianPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!postgresBinDir()) missing.push('postgresql');
  // The road import tests compress their extracts as planners download them (.osm.bz2).
  if (!existsSync(BZIP2)) missing.push('bzip2');
  return missing;
}
