import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
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
  pidFile: join(kafkaDir, 'kafka.pid'),
  startLock: join(kafkaDir, 'start.lock'),
};

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
  return withLockFile(
    paths.startLock,
    (holder) => log(`process ${holder} is starting Kafka, waiting for it`),
    async () => ((await isPortOpen(port)) ? reuseRunningBroker(brokers, port, log) : startBroker(brokers, port, controllerPort, log)),
  );
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
  const brokers = list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  log(`using KAFKA_BROKERS=${brokers.join(',')}`);
  await waitUntilReady(`Kafka at KAFKA_BROKERS=${brokers.join(',')}`, () => probeKafka(brokers), {
    timeoutMs: READY_TIMEOUT_MS,
  });
  return { brokers, startedHere: false, stop: nothingToStop };
}

async function reuseRunningBroker(brokers: string[], port: number, log: Log): Promise<LocalKafka> {
  const probe = await probeKafka(brokers);
  if (!probe.ready) {
    const pid = runningBrokerPid();
    if (pid === undefined) {
      throw new Error(
        `Port ${port} is in use by something that is not a Kafka broker (${probe.reason}). ` +
          `Free it, move the local broker with SINERGI_KAFKA_PORT=<free port>, ` +
          `or set KAFKA_BROKERS to an existing broker.`,
      );
    }
    log(`broker (pid ${pid}) is still starting, waiting for it`);
    await waitForBroker(brokers, pid);
  }
  log(`reusing the broker on ${brokers.join(',')}`);
  return { brokers, startedHere: false, stop: nothingToStop };
}

async function startBroker(brokers: string[], port: number, controllerPort: number, log: Log): Promise<LocalKafka> {
  if (await isPortOpen(controllerPort)) {
    throw new Error(
      `Port ${controllerPort} (the local broker's controller port) is in use. ` +
        `Move it with SINERGI_KAFKA_CONTROLLER_PORT=<free port>, or set KAFKA_BROKERS to an existing broker.`,
    );
  }
  const java = await requireJava();
  await ensureJars(log);
  writeServerProperties(port, controllerPort);
  await formatStorageOnce(java, log);

  const startedAt = Date.now();
  const pid = startDetached(java, [...jvmOptions('512m'), BROKER_MAIN_CLASS, paths.serverProperties], {
    logFile: paths.logFile,
  });
  writeFileSync(paths.pidFile, `${pid}\n`);
  log(`starting broker on ${brokers[0]} (pid ${pid}, log ${paths.logFile})`);
  try {
    await waitForBroker(brokers, pid);
  } catch (error) {
    await stopBroker(pid);
    throw withLogTail(errorMessage(error), paths.logFile);
  }
  log(`broker ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return { brokers, startedHere: true, logFile: paths.logFile, stop: () => stopBroker(pid) };
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

function waitForBroker(brokers: string[], pid: number): Promise<void> {
  return waitUntilReady(`Kafka broker on ${brokers.join(',')}`, () => probeKafka(brokers), {
    timeoutMs: READY_TIMEOUT_MS,
    giveUpReason: () => (isProcessAlive(pid) ? undefined : 'the broker process exited'),
  });
}

async function probeKafka(brokers: string[]): Promise<ProbeResult> {
  const admin = new Kafka({
    clientId: 'sinergi-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  }).admin();
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
  const install = `Install Java ${REQUIRED_JAVA_MAJOR}+ (e.g. \`apt-get install openjdk-17-jre-headless\`), ${WAYS_AROUND}`;
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

function writeServerProperties(port: number, controllerPort: number): void {
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
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
  );
}

async function formatStorageOnce(java: string, log: Log): Promise<void> {
  if (existsSync(join(paths.data, 'meta.properties'))) return;
  log('formatting the broker storage');
  const result = await runCommand(java, [
    ...jvmOptions('256m'),
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    newClusterId(),
    '--config',
    paths.serverProperties,
  ]);
  if (result.code !== 0) throw new Error(`Formatting the Kafka storage failed:\n${result.output}`);
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
