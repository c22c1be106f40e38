import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cachePath, type Log, prefixedConsoleLog, processRuns, terminateProcess } from './support';

/** Where `npm start` notes the service processes it started, so that `npm stop` can stop those a background run left. */
export const SERVICE_PIDS_FILE = cachePath('services.pids.json');

/** How long a service has to drain after SIGTERM before it gets SIGKILL (as `ServiceProcess.stop`). */
export const SERVICE_STOP_GRACE_MS = 20_000;

/** A process noted in a pid file: `marker` is part of its command line, so that a pid reused since is never signalled. */
export interface RecordedProcess {
  name: string;
  pid: number;
  marker: string;
}

export function writeProcessPidFile(processes: RecordedProcess[], file = SERVICE_PIDS_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(processes, null, 2)}\n`);
}

/**
 * Stops every process of the pid file that still runs what was noted (SIGTERM, then SIGKILL after the grace period)
 * and removes the file; answers the names of those it stopped. Pids that exited or were reused since are passed over.
 */
export async function stopProcessesFromPidFile(options: { file?: string; graceMs?: number; log?: Log } = {}): Promise<string[]> {
  const { file = SERVICE_PIDS_FILE, graceMs = SERVICE_STOP_GRACE_MS, log = prefixedConsoleLog('[services]') } = options;
  const running = readProcessPidFile(file).filter(({ pid, marker }) => processRuns(pid, marker));
  await Promise.all(
    running.map(({ name, pid }) => {
      log(`stopping ${name} (pid ${pid})`);
      return terminateProcess(pid, 'SIGTERM', graceMs);
    }),
  );
  rmSync(file, { force: true });
  return running.map(({ name }) => name);
}

function readProcessPidFile(file: string): RecordedProcess[] {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return []; // a file cut short (the writer was killed mid-write) names nothing worth signalling
  }
  return Array.isArray(parsed) ? parsed.filter(isRecordedProcess) : [];
}

function isRecordedProcess(entry: unknown): entry is RecordedProcess {
  const { name, pid, marker } = (entry ?? {}) as Partial<RecordedProcess>;
  return typeof name === 'string' && Number.isInteger(pid) && (pid as number) > 0 && typeof marker === 'string' && marker !== '';
}
