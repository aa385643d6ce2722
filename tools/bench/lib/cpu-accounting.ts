import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a load run, per request: this process (the API, which a
 * bench boots in-process), the PostgreSQL server's processes, the load generator (its own
 * figure, from load.mjs), and the whole machine (/proc/stat). On a small machine where all
 * three share the cores, the route that needs more CPU per request gets fewer requests per
 * second, whatever the code does, and this says by how much and where.
 *
 * Linux only (/proc); elsewhere the PostgreSQL and machine figures are absent. "PostgreSQL"
 * is every process named `postgres` this user can see, so a remote BENCH_DATABASE_URL shows
 * nothing and other idle local servers add almost nothing.
 */
export interface CpuSnapshot {
  /** This process: user + system, microseconds. */
  apiMicros: number;
  /** Every visible `postgres` process: user + system clock ticks, by process id. */
  postgresTicks: Map<number, number> | null;
  /** /proc/stat: busy and total ticks over all CPUs. */
  machineBusyTicks: number | null;
  machineTotalTicks: number | null;
}

export interface CpuPerRequest {
  apiMs: number;
  postgresMs: number | null;
  loadGeneratorMs: number | null;
  machineMs: number | null;
  /** Busy share of all CPUs during the run, 0–1. */
  machineBusy: number | null;
}

// USER_HZ is 100 on every mainstream Linux build (getconf CLK_TCK); Node has no way to ask.
const TICK_MS = 10;

export function cpuSnapshot(): CpuSnapshot {
  const usage = process.cpuUsage();
  const machine = machineTicks();
  return {
    apiMicros: usage.user + usage.system,
    postgresTicks: postgresTicks(),
    machineBusyTicks: machine?.busy ?? null,
    machineTotalTicks: machine?.total ?? null,
  };
}

/** CPU per request between two snapshots; `loadGeneratorMs` is the load generator's own total. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number, loadGeneratorMs: number | null): CpuPerRequest {
  const per = (ms: number) => ms / Math.max(1, requests);
  const ticks = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) * TICK_MS);
  const postgres = postgresDelta(before.postgresTicks, after.postgresTicks);
  const busy = ticks(before.machineBusyTicks, after.machineBusyTicks);
  const total = ticks(before.machineTotalTicks, after.machineTotalTicks);
  return {
    apiMs: per((after.apiMicros - before.apiMicros) / 1000),
    postgresMs: postgres === null ? null : per(postgres),
    loadGeneratorMs: loadGeneratorMs === null ? null : per(loadGeneratorMs),
    machineMs: busy === null ? null : per(busy),
    machineBusy: busy === null || !total ? null : busy / total,
  };
}

/**
 * Ticks spent by the processes alive at the end since the start (a process that started in
 * between counts whole). One that ended in between took its ticks with it: an undercount, which
 * a pool that keeps its connections makes rare.
 */
function postgresDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let ticks = 0;
  for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
  return ticks * TICK_MS;
}

function postgresTicks(): Map<number, number> | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const ticks = new Map<number, number>();
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after "pid (comm)".
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended between the listing and the read: its time is gone either way.
    }
  }
  return ticks;
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/);
    const numbers = values.map(Number);
    const total = numbers.reduce((sum, n) => sum + n, 0);
    // idle and iowait are the 4th and 5th values.
    const idle = (numbers[3] ?? 0) + (numbers[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
