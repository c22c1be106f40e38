import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { allTopicSpecs } from '@sinergi/contracts';
import { ensureAccessControl, kafkaClientConfig, type KafkaConnection, kafkaConnectionFrom, type Principal } from '@sinergi/messaging';
import {
  credentialsFingerprint,
  LOCAL_KAFKA_ADMIN,
  LOCAL_KAFKA_PRINCIPALS,
  type LocalKafkaCredentials,
  localKafkaCredentials,
  scramConnection,
} from './kafka-credentials';
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
  repoRoot,
  runCommand,
  startDetached,
  terminateProcess,
  tryRunCommand,
  waitUntilReady,
  withLockFile,
  withLogTail,
} from './support';

export interface LocalKafka {
  brokers: string[];
  /** How tooling connects: the local broker's super user, or the KAFKA_* settings given. */
  connection: KafkaConnection;
  /** Each service's and ministry system's own connection to the local broker (none for KAFKA_BROKERS). */
  principals: Partial<Record<Principal, KafkaConnection>>;
  startedHere: boolean;
  logFile?: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const BROKER_MAIN_CLASS = 'kafka.Kafka';
const REQUIRED_JAVA_MAJOR = 17;
const WAYS_AROUND = 'or set KAFKA_BROKERS to an existing broker, or use Docker (`docker compose up`).';

const pomFile = join(repoRoot, 'infra', 'kafka', 'pom.xml');
const log4jConfig = join(repoRoot, 'infra', 'kafka', 'log4j2.properties');
const kafkaDir = cachePath('kafka');
const paths = {
  libs: join(kafkaDir, 'libs'),
  libsKey: join(kafkaDir, 'libs', '.pom.sha256'),
  data: join(kafkaDir, 'data'),
  logs: join(kafkaDir, 'logs'),
  logFile: join(kafkaDir, 'logs', 'server.log'),
  serverProperties: join(kafkaDir, 'server.properties'),
  /** Which credentials the storage was formatted with (a plaintext broker's storage has none). */
  storageCredentials: join(kafkaDir, 'data', '.sinergi-credentials.sha256'),
  /** The port and credentials the broker in the pid file was started with. */
  runningBroker: join(kafkaDir, 'kafka.broker'),
  pidFile: join(kafkaDir, 'kafka.pid'),
  startLock: join(kafkaDir, 'start.lock'),
};

/** The Kafka jars the local broker runs on (the Java client among them), once a local broker was started. */
export const KAFKA_JARS_DIRECTORY = paths.libs;

const nothingToStop = async (): Promise<void> => undefined;

/**
 * A Kafka broker for local runs and tests: KAFKA_BROKERS if set, else a broker already
 * answering on the local port, else a single-node KRaft broker started from the jars
 * pinned in infra/kafka/pom.xml (it keeps running until stop() or stopKafkaFromPidFile()).
 */
export async function ensureKafka(options: { port?: number; log?: Log } = {}): Promise<LocalKafka> {
  const log = options.log ?? prefixedConsoleLog('[kafka]');
  const configured = process.env.KAFKA_BROKERS;
  if (configured) return useConfiguredBrokers(configured, log);

  const port = options.port ?? portFromEnv('SINERGI_KAFKA_PORT', 9092);
  const brokers = [`127.0.0.1:${port}`];
  const controllerPort = portFromEnv('SINERGI_KAFKA_CONTROLLER_PORT', 9093);
  const credentials = localKafkaCredentials();
  const local = { brokers, port, controllerPort, credentials, admin: scramConnection(brokers, LOCAL_KAFKA_ADMIN, credentials) };
  const kafka = await withLockFile(
    paths.startLock,
    (holder) => log(`process ${holder} is starting Kafka, waiting for it`),
    async () => ((await isPortOpen(port)) ? reuseRunningBroker(local, log) : startBroker(local, log)),
  );
  await ensureAccessControl(local.admin, allTopicSpecs());
  return kafka;
}

interface LocalBroker {
  brokers: string[];
  port: number;
  controllerPort: number;
  credentials: LocalKafkaCredentials;
  admin: KafkaConnection;
}

function localBrokerOf(local: LocalBroker, startedHere: boolean, stop: () => Promise<void>): LocalKafka {
  const principals = Object.fromEntries(
    LOCAL_KAFKA_PRINCIPALS.map((principal) => [principal, scramConnection(local.brokers, principal, local.credentials)]),
  );
  return { brokers: local.brokers, connection: local.admin, principals, startedHere, stop, ...(startedHere ? { logFile: paths.logFile } : {}) };
}

/** Stops the broker recorded in .cache/kafka/kafka.pid; false when none was running. */
export async function stopKafkaFromPidFile(options: { log?: Log } = {}): Promise<boolean> {
  const log = options.log ?? prefixedConsoleLog('[kafka]');
  const pid = runningBrokerPid();
  if (pid === undefined) {
    rmSync(paths.pidFile, { force: true });
    return false;
  }
  log(`stopping broker (pid ${pid})`);
  await stopBroker(pid);
  return true;
}

async function useConfiguredBrokers(list: string, log: Log): Promise<LocalKafka> {
  const connection = kafkaConnectionFrom({ ...process.env, KAFKA_BROKERS: list });
  const { brokers } = connection;
  log(`using KAFKA_BROKERS=${brokers.join(',')}${connection.sasl ? ` as ${connection.sasl.username}` : ''}`);
  await waitUntilReady(`Kafka at KAFKA_BROKERS=${brokers.join(',')}`, () => probeKafka(connection), {
    timeoutMs: READY_TIMEOUT_MS,
  });
  return { brokers, connection, principals: {}, startedHere: false, stop: nothingToStop };
}

/**
 * Reuses the broker on the port only if it takes our credentials. One this checkout started
 * with other credentials (or a plaintext one from before the local broker was secured) is
 * restarted; anything else on the port is explained, never used anonymously.
 */
async function reuseRunningBroker(local: LocalBroker, log: Log): Promise<LocalKafka> {
  const probe = await probeKafka(local.admin);
  if (!probe.ready) {
    const pid = runningBrokerPid();
    // A broker started before the local broker was secured left no marker.
    const started = readFileIfExists(paths.runningBroker);
    const oursOnThisPort = pid !== undefined && (started === undefined || started.startsWith(`${local.port}:`));
    if (!oursOnThisPort) throw notOurBroker(local, probe.reason, (await probeKafka({ brokers: local.brokers })).ready);
    if (started !== runningBrokerMarker(local)) {
      log(`the broker left running (pid ${pid}) was started without the local SCRAM credentials (a plaintext broker from an earlier run?): restarting it`);
      await stopBroker(pid);
      return startBroker(local, log);
    }
    log(`broker (pid ${pid}) is still starting, waiting for it`);
    await waitForBroker(local.admin, pid);
  }
  log(`reusing the broker on ${local.brokers.join(',')}`);
  return localBrokerOf(local, false, nothingToStop);
}

function notOurBroker(local: LocalBroker, reason: string, answersAnonymously: boolean): Error {
  const moveIt = `move the local broker with SINERGI_KAFKA_PORT=<free port>, or set KAFKA_BROKERS (and KAFKA_SASL_*) to an existing broker.`;
  if (answersAnonymously) {
    return new Error(
      `Port ${local.port} has a plaintext Kafka broker that this checkout did not start (an older run's, from another checkout?). ` +
        `The local broker now requires SCRAM credentials, so it is not reused: stop it (\`npm stop\` in the checkout that started it), or ${moveIt}`,
    );
  }
  return new Error(`Port ${local.port} is in use by something that is not our Kafka broker (${reason}). Free it, or ${moveIt}`);
}

/** The pid file's broker listens on this port with these credentials; one from before has no marker. */
function runningBrokerMarker(local: LocalBroker): string {
  return `${local.port}:${credentialsFingerprint(local.credentials)}`;
}

function readFileIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

async function startBroker(local: LocalBroker, log: Log): Promise<LocalKafka> {
  const { brokers, port, controllerPort } = local;
  if (await isPortOpen(controllerPort)) {
    throw new Error(
      `Port ${controllerPort} (the local broker's controller port) is in use. ` +
        `Move it with SINERGI_KAFKA_CONTROLLER_PORT=<free port>, or set KAFKA_BROKERS to an existing broker.`,
    );
  }
  const java = await requireJava();
  await ensureJars(log);
  writeServerProperties(port, controllerPort, local.credentials);
  await formatStorageOnce(java, local.credentials, log);

  const startedAt = Date.now();
  const pid = startDetached(java, [...jvmOptions('512m'), BROKER_MAIN_CLASS, paths.serverProperties], {
    logFile: paths.logFile,
  });
  writeFileSync(paths.pidFile, `${pid}\n`);
  writeFileSync(paths.runningBroker, runningBrokerMarker(local));
  log(`starting broker on ${brokers[0]} (pid ${pid}, log ${paths.logFile})`);
  try {
    await waitForBroker(local.admin, pid);
  } catch (error) {
    await stopBroker(pid);
    throw withLogTail(errorMessage(error), paths.logFile);
  }
  log(`broker ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return localBrokerOf(local, true, () => stopBroker(pid));
}

/** The broker in the pid file, if that pid still runs a broker with our configuration. */
function runningBrokerPid(): number | undefined {
  const pid = readPidFile(paths.pidFile);
  return pid !== undefined && processRuns(pid, paths.serverProperties) ? pid : undefined;
}

async function stopBroker(pid: number): Promise<void> {
  await terminateProcess(pid, 'SIGTERM', STOP_TIMEOUT_MS);
  if (readPidFile(paths.pidFile) === pid) rmSync(paths.pidFile, { force: true });
}

function waitForBroker(connection: KafkaConnection, pid: number): Promise<void> {
  return waitUntilReady(`Kafka broker on ${connection.brokers.join(',')}`, () => probeKafka(connection), {
    timeoutMs: READY_TIMEOUT_MS,
    giveUpReason: () => (isProcessAlive(pid) ? undefined : 'the broker process exited'),
  });
}

async function probeKafka(connection: KafkaConnection): Promise<ProbeResult> {
  const admin = new Kafka(
    kafkaClientConfig(connection, 'sinergi-infra-probe', { connectionTimeout: 2000, requestTimeout: 5000, retry: { retries: 0 } }),
  ).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? { ready: true } : { ready: false, reason: 'no broker registered yet' };
  } catch (error) {
    return { ready: false, reason: errorMessage(error) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function requireJava(): Promise<string> {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const install = `Install Java ${REQUIRED_JAVA_MAJOR}+ (e.g. \`apt-get install openjdk-17-jdk-headless\`), ${WAYS_AROUND}`;
  const result = await tryRunCommand(java, ['-version']);
  if (result === undefined) {
    throw new Error(`The local Kafka broker needs Java, but \`${java}\` was not found. ${install}`);
  }
  const major = javaMajorVersion(result.output);
  if (major !== undefined && major < REQUIRED_JAVA_MAJOR) {
    throw new Error(`The local Kafka broker needs Java ${REQUIRED_JAVA_MAJOR}+, but \`${java}\` is Java ${major}. ${install}`);
  }
  return java;
}

function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  // Java 8 and older report "1.8.0_x"
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/** Copies the pinned jars into .cache/kafka/libs unless they were resolved from this very pom. */
async function ensureJars(log: Log): Promise<void> {
  const pomHash = createHash('sha256').update(readFileSync(pomFile)).digest('hex');
  if (existsSync(paths.libsKey) && readFileSync(paths.libsKey, 'utf8') === pomHash) return;

  log('resolving the Kafka jars with Maven (first run only)');
  const staging = `${paths.libs}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const result = await tryRunCommand('mvn', [
    '-q',
    '-B',
    '-Dstyle.color=never',
    '-f',
    pomFile,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${staging}`,
  ]);
  if (result === undefined) {
    throw new Error(
      `The local Kafka broker's jars are resolved with Maven, but \`mvn\` was not found. ` +
        `Install Maven (e.g. \`apt-get install maven\`), ${WAYS_AROUND}`,
    );
  }
  if (result.code !== 0) {
    throw new Error(`Resolving the Kafka jars with Maven failed (exit ${result.code}):\n${result.output}`);
  }
  rmSync(paths.libs, { recursive: true, force: true });
  renameSync(staging, paths.libs);
  writeFileSync(paths.libsKey, pomHash);
}

/**
 * Clients authenticate with SCRAM-SHA-512 (users created when the storage is formatted) and
 * KRaft's StandardAuthorizer admits only what the ACLs allow; the controller listener takes
 * only the admin (SASL/PLAIN: SCRAM credentials live in the metadata the controller serves).
 */
function writeServerProperties(port: number, controllerPort: number, credentials: LocalKafkaCredentials): void {
  const admin = `username="${LOCAL_KAFKA_ADMIN}" password="${credentials[LOCAL_KAFKA_ADMIN]}"`;
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `SASL_PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `SASL_PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    'inter.broker.listener.name': 'SASL_PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required ${admin};`,
    'sasl.mechanism.controller.protocol': 'PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
    'listener.name.controller.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${admin} user_${LOCAL_KAFKA_ADMIN}="${credentials[LOCAL_KAFKA_ADMIN]}";`,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:${LOCAL_KAFKA_ADMIN}`,
    'allow.everyone.if.no.acl.found': 'false',
    'log.dirs': paths.data,
    'num.partitions': '3',
    'default.replication.factor': '1',
    'auto.create.topics.enable': 'false',
    // A single broker can never satisfy the defaults (3 replicas); consumer groups and
    // transactions would then hang without an error.
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'transaction.state.log.num.partitions': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    'num.network.threads': '2',
    'num.io.threads': '4',
  };
  mkdirSync(kafkaDir, { recursive: true });
  const lines = Object.entries(properties).map(([key, value]) => `${key}=${value}`);
  writeFileSync(
    paths.serverProperties,
    `# Generated by libs/local-infra/src/kafka.ts on every start; edit that file instead.\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
}

/** Formats the storage with the SCRAM users; storage formatted without them (or with others) is formatted again, losing its topics. */
async function formatStorageOnce(java: string, credentials: LocalKafkaCredentials, log: Log): Promise<void> {
  const fingerprint = credentialsFingerprint(credentials);
  if (existsSync(join(paths.data, 'meta.properties'))) {
    if (readFileIfExists(paths.storageCredentials) === fingerprint) return;
    log('the broker storage was formatted without the local SCRAM users (a plaintext broker from an earlier run?): formatting it again, its topics are lost');
    rmSync(paths.data, { recursive: true, force: true });
  } else {
    log('formatting the broker storage');
  }
  const users = Object.entries(credentials).flatMap(([name, password]) => ['--add-scram', `SCRAM-SHA-512=[name=${name},password=${password}]`]);
  const result = await runCommand(java, [
    ...jvmOptions('256m'),
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    newClusterId(),
    '--config',
    paths.serverProperties,
    ...users,
  ]);
  if (result.code !== 0) throw new Error(`Formatting the Kafka storage failed:\n${redacted(result.output, credentials)}`);
  writeFileSync(paths.storageCredentials, fingerprint);
}

function redacted(output: string, credentials: LocalKafkaCredentials): string {
  return Object.values(credentials).reduce((text, password) => text.split(password).join('<hidden>'), output);
}

/** Kafka cluster ids are 16 random bytes in URL-safe base64; Kafka avoids a leading "-". */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function jvmOptions(maxHeap: string): string[] {
  return [
    '-Xms256m',
    `-Xmx${maxHeap}`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jConfig}`,
    `-Dkafka.logs.dir=${paths.logs}`,
    '-cp',
    join(paths.libs, '*'),
  ];
}
