import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // the process ended, or this is not Linux
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * CPU seconds used so far by the served process, by PostgreSQL's processes and by this load
 * generator: on two shared cores, where a request's time goes. Linux only; zeros elsewhere.
 */
export function cpuByProcess(serverPid: number | undefined) {
  const seconds = { server: 0, postgres: 0, loadGenerator: 0 };
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === 0) continue;
    const used = cpuTicks(pid) / TICKS_PER_SECOND;
    if (pid === serverPid) seconds.server += used;
    else if (pid === process.pid) seconds.loadGenerator += used;
    else if (commandOf(pid).startsWith('postgres')) seconds.postgres += used;
  }
  return seconds;
}

/** CPU milliseconds per unit of work between two readings, as one line. */
export function describeCpu(before: ReturnType<typeof cpuByProcess>, after: ReturnType<typeof cpuByProcess>, units: number, unit: string) {
  const per = (key: keyof typeof before) => (((after[key] - before[key]) * 1000) / units).toFixed(1);
  const database = after.postgres > before.postgres ? `database ${per('postgres')} ms` : 'database inside the server';
  return `CPU per ${unit}: server ${per('server')} ms, ${database}, load generator ${per('loadGenerator')} ms`;
}
