import { spawn } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type Log = (line: string) => void;

export function prefixedConsoleLog(prefix: string): Log {
  return (line) => console.log(`${prefix} ${line}`);
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No nx.json found above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

export function cachePath(...segments: string[]): string {
  return join(repoRoot, '.cache', ...segments);
}

export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${raw} is not a valid TCP port`);
  }
  return port;
}

/** True when something accepts TCP connections on the port, false when nothing listens. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(2000, () => finish(true)); // a silent listener still occupies the port
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.connect(port, host);
  });
}

export type ProbeResult = { ready: true } | { ready: false; reason: string };

/**
 * Polls `probe` until it reports ready. Throws after `timeoutMs` (naming the last reason),
 * or as soon as `giveUpReason` returns a reason (e.g. the server process died).
 */
export async function waitUntilReady(
  description: string,
  probe: () => Promise<ProbeResult>,
  options: { timeoutMs: number; giveUpReason?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.ready) return;
    const reason = options.giveUpReason?.();
    if (reason !== undefined) throw new Error(`${description}: ${reason}`);
    if (Date.now() >= deadline) {
      throw new Error(`${description}: not ready after ${options.timeoutMs / 1000} s (last probe: ${result.reason})`);
    }
    await sleep(500);
  }
}

const LOCK_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs `action` while holding an exclusive lock file, so that concurrent processes (two
 * test runs, `npm start` next to `npm test`) never start the same server twice.
 * A lock left behind by a dead process is taken over.
 */
export async function withLockFile<T>(lockFile: string, onWait: (holderPid: number) => void, action: () => Promise<T>): Promise<T> {
  await acquireLockFile(lockFile, onWait);
  try {
    return await action();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function acquireLockFile(lockFile: string, onWait: (holderPid: number) => void): Promise<void> {
  mkdirSync(dirname(lockFile), { recursive: true });
  // Written aside and hard-linked into place, so the lock never exists without its pid.
  const candidate = `${lockFile}.${process.pid}.${Date.now()}`;
  writeFileSync(candidate, `${process.pid}\n`);
  try {
    const deadline = Date.now() + LOCK_TIMEOUT_MS;
    let announcedHolder: number | undefined;
    for (;;) {
      try {
        linkSync(candidate, lockFile);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readPidFile(lockFile);
      if (holder === undefined || !isProcessAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new Error(`Process ${holder} has held ${lockFile} for over ${LOCK_TIMEOUT_MS / 60_000} min; stop it or delete the file`);
      }
      if (announcedHolder !== holder) onWait(holder);
      announcedHolder = holder;
      await sleep(250);
    }
  } finally {
    rmSync(candidate, { force: true });
  }
}

export function readPidFile(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'Z';
  } catch {
    return false;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited child that nobody reaped yet still answers kill(0).
  return !isZombie(pid);
}

/**
 * Whether `pid` still runs a command containing `marker`, so that a pid recycled by an
 * unrelated process is never signalled. Without /proc (macOS) the pid is trusted.
 */
export function processRuns(pid: number, marker: string): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return !existsSync('/proc');
  }
}

async function exitsWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(200);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Sends `gracefulSignal`, waits up to `timeoutMs` for the process to exit, then SIGKILLs it. */
export async function terminateProcess(pid: number, gracefulSignal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (!isProcessAlive(pid)) return;
  signal(pid, gracefulSignal);
  if (await exitsWithin(pid, timeoutMs)) return;
  signal(pid, 'SIGKILL');
  await exitsWithin(pid, 5000);
}

function tailOfFile(path: string, lines: number): string {
  if (!existsSync(path)) return `(no log file at ${path})`;
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion, capturing stdout and stderr together. */
export function runCommand(command: string, args: string[], options: { uid?: number; gid?: number; cwd?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Like runCommand, but resolves undefined when the executable does not exist. */
export async function tryRunCommand(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number } = {},
): Promise<CommandResult | undefined> {
  try {
    return await runCommand(command, args, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Starts a server process that outlives this Node process: own process group, stdout and
 * stderr appended to `logFile` (the previous run's log is kept as `<logFile>.1`).
 */
export function startDetached(command: string, args: string[], options: { logFile: string; uid?: number; gid?: number }): number {
  const { logFile, ...account } = options;
  mkdirSync(dirname(logFile), { recursive: true });
  if (existsSync(logFile)) renameSync(logFile, `${logFile}.1`);
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { ...account, detached: true, stdio: ['ignore', out, out] });
    child.once('error', () => undefined); // a failed spawn shows up as a missing pid below
    child.unref();
    if (child.pid === undefined) throw new Error(`Could not start ${command}`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

export function withLogTail(message: string, logFile: string, lines = 30): Error {
  return new Error(`${message}\n--- last ${lines} lines of ${logFile} ---\n${tailOfFile(logFile, lines)}`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
