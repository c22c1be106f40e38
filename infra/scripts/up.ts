import { rmSync } from 'node:fs';
import { allTopicSpecs, mintInternalToken, type Principal, type ServiceName } from '@sinergi/contracts';
import { describeEnsuredTopics, ensureTopics, topicDurabilityFrom } from '@sinergi/messaging';
import {
  databaseNameOf,
  ensureDatabase,
  ensureWebBuild,
  ensureKafka,
  ensurePostgres,
  ensureServicesBuilt,
  type LocalAccount,
  type LocalMessageSinks,
  type LocalSecrets,
  LOCAL_ACCOUNTS_FILE,
  localAccounts,
  localSecrets,
  SERVICE_PIDS_FILE,
  ServiceProcess,
  SERVICES,
  startLocalMessageSinks,
  writeProcessPidFile,
} from '@sinergi/local-infra';
import { type Authorize, seedDemoData } from './demo-data';
import { ensureAsyncApiHtml } from './asyncapi-html';

const log = (line: string) => process.stdout.write(`[sinergi] ${line}\n`);

/** Each service's settings beyond the common ones; a key goes only to the services that hold it. */
function settingsOf(service: ServiceName, secrets: LocalSecrets, sinks: LocalMessageSinks, serviceUrls: Record<string, string>): Record<string, string> {
  const { NIK_ENCRYPTION_KEY, NIK_INDEX_KEY, CONTACT_SEAL_KEY, SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY, IDEMPOTENCY_SEAL_KEY, INTERNAL_TOKEN_JWKS, INTERNAL_TOKEN_SIGNING_KEY } = secrets;
  // Only the gateway listens beyond this machine; the services answer on 127.0.0.1 alone.
  const common = { INTERNAL_TOKEN_JWKS, HTTP_HOST: service === 'gateway' ? '0.0.0.0' : '127.0.0.1' };
  // The gateway serves the participant portal; certificates and participants' messages link to it.
  const PORTAL_PUBLIC_URL = `${serviceUrls.GATEWAY_PUBLIC_URL}/portal`;
  switch (service) {
    case 'gateway':
      return { ...common, INTERNAL_TOKEN_SIGNING_KEY, SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY, IDEMPOTENCY_SEAL_KEY, ...serviceUrls, LOCAL_ACCOUNTS_FILE };
    case 'enrollment':
      return { ...common, NIK_ENCRYPTION_KEY, NIK_INDEX_KEY, CONTACT_SEAL_KEY, PORTAL_PUBLIC_URL };
    case 'instructor-module':
      return { ...common, CONTACT_SEAL_KEY };
    case 'notification':
      return { ...common, CONTACT_SEAL_KEY, SIGN_IN_CODE_SEAL_KEY, PORTAL_PUBLIC_URL, ...sinks.notificationEnv };
    default:
      return common;
  }
}

const portOf = (name: ServiceName, port: number) => Number(process.env[`SINERGI_${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? port);

/** Where the gateway finds each service, and the URL it is reached at itself. */
function gatewaySettings(ports: Array<{ name: ServiceName; port: number }>): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const { name, port } of ports) {
    if (name === 'gateway') settings.GATEWAY_PUBLIC_URL = `http://localhost:${port}`;
    else settings[`${name.toUpperCase().replace(/-/g, '_')}_URL`] = `http://127.0.0.1:${port}`;
  }
  return settings;
}

/** The demo data speaks to the services as both ministries' administrators, with tokens the gateway's key signs. */
function demoAuthorization(services: ServiceProcess[], secrets: LocalSecrets): Authorize {
  const seeder: Principal = { subject: 'demo-data', roles: ['kemnaker-admin', 'kemenumkm-admin'], venueCodes: [] };
  return async (url): Promise<Record<string, string>> => {
    const service = services.find((candidate) => url.startsWith(candidate.url))?.options.service;
    if (!service) return {};
    return { authorization: `Bearer ${await mintInternalToken(seeder, service, JSON.parse(secrets.INTERNAL_TOKEN_SIGNING_KEY))}` };
  };
}

/** The demo instructor the local instructor account speaks for: the first of West Java's (the Bandung centre's province). */
async function demoInstructorId(instructorModuleUrl: string, authorize: Authorize): Promise<string | undefined> {
  const url = `${instructorModuleUrl}/instructors?provinceCode=32`;
  const response = await fetch(url, { headers: await authorize(url) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as Array<{ id: string; externalRef?: string }> | { items: Array<{ id: string; externalRef?: string }> };
  const instructors = Array.isArray(body) ? body : body.items;
  return [...instructors].sort((a, b) => (a.externalRef ?? a.id).localeCompare(b.externalRef ?? b.id))[0]?.id;
}

/**
 * `npm start`: the services' build when it is missing or stale, infrastructure, the message sinks, databases, topics, the six services, demo data.
 * Ctrl-C stops the services (each drains its work), then the sinks and whatever infrastructure it started.
 * The services' pids are kept in .cache while they run, for `npm stop` to stop them should this process die without them.
 */
async function main(): Promise<void> {
  await ensureServicesBuilt(log);
  // Before anything starts: a broken build stops npm start with Vite's message, not a gateway answering 503.
  ensureWebBuild(log);
  const kafka = await ensureKafka();
  const postgres = await ensurePostgres();
  const stopInfrastructure = async () => {
    await kafka.stop();
    await postgres.stop();
  };
  const secrets = localSecrets();
  const sinks = await startLocalMessageSinks(secrets.MESSAGING_PROVIDER_SECRET).catch(async (error: Error) => {
    await stopInfrastructure();
    throw error;
  });
  const services: ServiceProcess[] = [];
  // `npm stop` stops this process too: with it go the message sinks it holds.
  const thisRun = { name: 'npm start', pid: process.pid, marker: 'infra/scripts/run.js' };
  let accounts: LocalAccount[] = [];
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services...');
    await Promise.all(services.map((service) => service.stop()));
    rmSync(SERVICE_PIDS_FILE, { force: true });
    await sinks.close();
    await stopInfrastructure();
    log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  let serviceUrls: Record<string, string> = {};
  try {
    describeEnsuredTopics(await ensureTopics(kafka.connection, allTopicSpecs(), topicDurabilityFrom())).forEach(log);
    serviceUrls = gatewaySettings(SERVICES.map(({ name, port }) => ({ name, port: portOf(name, port) })));
    const spawn = async (name: ServiceName, port: number) => {
      const databaseUrl = await ensureDatabase(postgres.url, databaseNameOf(name));
      const service = ServiceProcess.spawn({
        service: name,
        port: portOf(name, port),
        databaseUrl,
        kafka: kafka.principals[name] ?? kafka.connection,
        env: settingsOf(name, secrets, sinks, serviceUrls),
        onOutput: (line) => process.stdout.write(`[${name}] ${line}\n`),
      });
      services.push(service);
      writeProcessPidFile([thisRun, ...services.flatMap((started) => started.recorded())]);
      return service;
    };
    // The gateway starts last: it seeds the staff accounts, and the instructor's links to a demo instructor.
    for (const { name, port } of SERVICES.filter(({ name }) => name !== 'gateway')) await spawn(name, port);
    await Promise.all(services.map((service) => service.waitUntilHealthy()));
    const urlOf = (name: string) => services.find((service) => service.options.service === name)?.url ?? '';
    const authorize = demoAuthorization(services, secrets);
    await seedDemoData({ program: urlOf('program'), venueCapacity: urlOf('venue-capacity'), instructorModule: urlOf('instructor-module') }, log, authorize);
    accounts = localAccounts({ instructorId: await demoInstructorId(urlOf('instructor-module'), authorize) });
    const gateway = SERVICES.find(({ name }) => name === 'gateway')!;
    await (await spawn(gateway.name, gateway.port)).waitUntilHealthy();
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stopAll(1);
    return;
  }

  log('all six services are up:');
  for (const service of services) log(`  ${service.options.service.padEnd(18)} ${service.url}  (health: ${service.url}/health)`);
  log(`every message sent: emails ${sinks.smtp.httpUrl}/messages, SMS and WhatsApp ${sinks.provider.url}/messages (add ?to=<address or +62...>)`);
  // Browsers sign in at the public URL: the provider's cookies and redirects are for that host, not 127.0.0.1.
  const gatewayUrl = serviceUrls.GATEWAY_PUBLIC_URL;
  // The demo's made-up local passwords (kept in .cache/local-accounts.json); the only place a password is printed.
  log(`sign in at ${gatewayUrl}/auth/login with one of these local accounts (username / password):`);
  for (const account of accounts) log(`  ${account.roles.join(', ').padEnd(22)} ${account.username} / ${account.password}`);
  log(`the dashboard: ${gatewayUrl}/ (participant portal: ${gatewayUrl}/portal/)`);
  log(`the gateway listens on ${gatewayUrl}; press Ctrl-C to stop everything`);
  // After start-up, not before: a render takes about 40 s of CPU, and only when asyncapi.yaml changed.
  ensureAsyncApiHtml().then(
    () => log(`the AsyncAPI document: ${gatewayUrl}/asyncapi`),
    (error: Error) => log(`could not render the AsyncAPI document (${error.message}); the schemas are at ${gatewayUrl}/schemas`),
  );
}

void main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
