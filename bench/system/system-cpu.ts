import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { ServiceName } from '@sinergi/contracts';
import type { RunningSystem } from '../../services/system-e2e/src/running-system';
import { processCpuSeconds } from '../postgres-ceiling';

/** CPU seconds by process id at one moment. */
type CpuByPid = Map<number, number>;

export interface CpuSpent {
  /** Each service's process. */
  services: Partial<Record<ServiceName, number>>;
  /** The PostgreSQL backends connected to the services' databases (those alive at the end of the interval). */
  postgres: number;
  /** The Kafka broker's JVM: shared with other work on the machine, so an upper bound. */
  broker: number | undefined;
  total: number;
}

/** The JVM running the Kafka broker on this machine, found by its main class on the command line. */
function brokerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}

async function postgresBackends(system: RunningSystem): Promise<number[]> {
  const databases = system.services.map((service) => new URL(system.databaseUrl(service)).pathname.slice(1));
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [databases]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

function read(pids: Array<number | undefined>): CpuByPid {
  const seconds: CpuByPid = new Map();
  for (const pid of pids) {
    const used = pid === undefined ? undefined : processCpuSeconds(pid);
    if (pid !== undefined && used !== undefined) seconds.set(pid, used);
  }
  return seconds;
}

/**
 * CPU seconds that the system's processes, its PostgreSQL backends and the broker use between `start()` and the
 * call of the function it returns. A backend that connects during the interval counts from its start; one that
 * disconnects before the end is not counted (the services' pools keep theirs).
 */
export async function measureSystemCpu(system: RunningSystem): Promise<() => Promise<CpuSpent>> {
  const broker = brokerPid();
  const servicePids = () => system.services.map((service) => system.pid(service));
  const before = read([...servicePids(), ...(await postgresBackends(system)), broker]);
  const spent = (after: CpuByPid, pid: number | undefined) => (pid === undefined || !after.has(pid) ? 0 : after.get(pid)! - (before.get(pid) ?? 0));
  return async () => {
    const backends = await postgresBackends(system);
    const after = read([...servicePids(), ...backends, broker]);
    const services = Object.fromEntries(system.services.map((service) => [service, spent(after, system.pid(service))]));
    const postgres = backends.reduce((sum, pid) => sum + spent(after, pid), 0);
    const brokerSeconds = broker === undefined ? undefined : spent(after, broker);
    const total = Object.values(services).reduce((sum, seconds) => sum + seconds, 0) + postgres + (brokerSeconds ?? 0);
    return { services, postgres, broker: brokerSeconds, total };
  };
}

/** Resident memory now and its high-water mark since start (VmRSS, VmHWM from /proc/<pid>/status), in MB. */
export function memoryOf(pid: number | undefined): { rss: number; peak: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const lines = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
    const megabytes = (field: string) => Number(lines.find((line) => line.startsWith(`${field}:`))?.split(/\s+/)[1]) / 1024;
    return { rss: megabytes('VmRSS'), peak: megabytes('VmHWM') };
  } catch {
    return undefined;
  }
}
