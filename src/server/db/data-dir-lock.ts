import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';

/** Who holds a data directory: written beside the database for the processes that find it taken. */
export interface DataDirHolder {
  pid: number;
  /** The CLI command that holds it, e.g. `serve` or `import roads`. */
  command: string;
  startedAt: string;
  /** Only a server has one: the secret a local CLI sends with each task it hands over. */
  controlToken?: string;
}

export const HOLDER_FILE = 'tarjotin-holder.json';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder | undefined,
  ) {
    const who = holder ? `\`tarjotin ${holder.command}\` (process ${holder.pid}, since ${holder.startedAt})` : 'another process';
    super(`The embedded database in ${dataDir} is in use by ${who}.`);
  }
}

export class NoDatabaseError extends Error {
  constructor(readonly dataDir: string) {
    super(`There is no Tarjotin database in ${dataDir}. Check DATA_DIR; \`tarjotin serve\` creates a new database.`);
  }
}

export interface DataDirLock {
  dataDir: string;
  /** The socket that holds the lock; a server answers the tasks a local CLI hands over on it. */
  socket: net.Server;
  /** Rewrites the holder file, e.g. to add the control token once the server is ready for tasks. */
  describe(holder: Omit<DataDirHolder, 'pid' | 'startedAt'>): void;
  release(): Promise<void>;
}

/** The absolute, symlink-free path of a data directory, so that every spelling of it takes the same lock. */
export function canonicalDataDir(dataDir: string): string {
  const absolute = resolve(dataDir);
  return existsSync(absolute) ? realpathSync(absolute) : absolute;
}

export function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * A Linux abstract-namespace socket named after the directory: binding it is atomic, only one
 * process can hold it, and the kernel frees it the moment that process ends, however it ends
 * (SIGKILL included). No stale lock file is ever left to break by hand.
 */
export function lockAddress(dataDir: string): string {
  return `\0tarjotin-data-dir-${createHash('sha256').update(dataDir).digest('hex').slice(0, 40)}`;
}

export function readHolder(dataDir: string): DataDirHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as DataDirHolder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the embedded database's directory for this process alone, or fails at once with
 * DataDirInUseError naming the holder. `create` makes a missing directory (the server does);
 * otherwise a directory without a database is refused, so a mistyped DATA_DIR creates nothing.
 */
export async function lockDataDir(dataDir: string, command: string, { create = false } = {}): Promise<DataDirLock> {
  if (process.platform !== 'linux') {
    throw new Error('The embedded database needs Linux (its single-writer lock is a Linux socket); elsewhere set DATABASE_URL to a PostgreSQL server.');
  }
  // The database files are personal data: a new directory is its owner's alone.
  if (create) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const dir = canonicalDataDir(dataDir);
  if (!create && !hasDatabase(dir)) throw new NoDatabaseError(dir);
  const socket = net.createServer();
  const connections = new Set<net.Socket>();
  socket.on('connection', (connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
  });
  await new Promise<void>((resolveListen, reject) => {
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new DataDirInUseError(dir, readHolder(dir)) : error),
    );
    socket.listen(lockAddress(dir), () => resolveListen());
  });
  const startedAt = new Date().toISOString();
  const holderFile = join(dir, HOLDER_FILE);
  const describe = (holder: Omit<DataDirHolder, 'pid' | 'startedAt'>) =>
    // Readable by its owner only: the control token in it lets a CLI act with the server's rights.
    writeFileSync(holderFile, JSON.stringify({ pid: process.pid, startedAt, ...holder }), { mode: 0o600 });
  describe({ command });
  return {
    dataDir: dir,
    socket,
    describe,
    async release() {
      if (readHolder(dir)?.pid === process.pid) rmSync(holderFile, { force: true });
      const closed = new Promise<void>((done) => socket.close(() => done()));
      for (const connection of connections) connection.destroy();
      await closed;
    },
  };
}
