// Installs Debian packages with apt-get (as root), or says how to when not root. Shared by the
// test prerequisites and the benchmarks that compare with a Debian-packaged peer.
import { execFileSync } from 'node:child_process';

/**
 * Installs `packages` unless `stillMissing()` (checked after apt-get) is empty already; exits the
 * process with a message when that is not possible.
 */
export function installDebianPackages(packages, stillMissing, purpose) {
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`${purpose} need these Debian packages: ${packages.join(' ')}.`);
    console.error(`Install them with: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  const still = stillMissing();
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.join(' ')}`);
    process.exit(1);
  }
}
