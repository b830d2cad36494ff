// Installs what the tests need from Debian (chromium, postgresql, bzip2) when it is missing.
import { execFileSync } from 'node:child_process';
import { missingDebianPackages } from './test-prerequisites.mjs';

const missing = missingDebianPackages();
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`The tests need these Debian packages: ${missing.join(' ')}.`);
    console.error(`Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fonts-dejavu-core'], { stdio: 'inherit', env });
  const still = missingDebianPackages();
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.join(' ')}`);
    process.exit(1);
  }
}
