import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinDir } from '../scripts/test-prerequisites.mjs';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL server in a temporary directory on a random loopback port. initdb refuses
 * to run as root, so under root the cluster belongs to the `postgres` user that Debian's package creates.
 * Fast by default (no fsync, asynchronous commit); `durable` keeps commits synchronous, so that a
 * test may stop it abruptly and still expect every acknowledged commit.
 */
export async function startPostgresServer({ durable = false } = {}) {
  const bin: string | undefined = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: run `node scripts/ensure-test-deps.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'tarjotin-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options =
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300` +
    (durable ? '' : ' -c synchronous_commit=off');
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const halt = () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  return {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    /** Stops the server at once, as a crash would, keeping its data; `start` brings it back. */
    halt,
    start,
    stop() {
      try {
        if (existsSync(join(data, 'postmaster.pid'))) halt();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
