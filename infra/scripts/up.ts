import { allTopicSpecs, mintInternalToken, type Principal, type ServiceName } from '@sinergi/contracts';
import { describeEnsuredTopics, ensureTopics, topicDurabilityFrom } from '@sinergi/messaging';
import {
  databaseNameOf,
  ensureDatabase,
  ensureKafka,
  ensurePostgres,
  type LocalMessageSinks,
  type LocalSecrets,
  localSecrets,
  ServiceProcess,
  SERVICES,
  startLocalMessageSinks,
} from '@sinergi/local-infra';
import { type Authorize, seedDemoData } from './demo-data';
import { ensureAsyncApiHtml } from './asyncapi-html';

const log = (line: string) => process.stdout.write(`[sinergi] ${line}\n`);

/** Each service's settings beyond the common ones; a key goes only to the services that hold it. */
function settingsOf(service: ServiceName, secrets: LocalSecrets, sinks: LocalMessageSinks, serviceUrls: Record<string, string>): Record<string, string> {
  const { NIK_ENCRYPTION_KEY, NIK_INDEX_KEY, CONTACT_SEAL_KEY, SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY, INTERNAL_TOKEN_JWKS, INTERNAL_TOKEN_SIGNING_KEY } = secrets;
  // Only the gateway listens beyond this machine; the services answer on 127.0.0.1 alone.
  const common = { INTERNAL_TOKEN_JWKS, HTTP_HOST: service === 'gateway' ? '0.0.0.0' : '127.0.0.1' };
  switch (service) {
    case 'gateway':
      return { ...common, INTERNAL_TOKEN_SIGNING_KEY, SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY, ...serviceUrls };
    case 'enrollment':
      return { ...common, NIK_ENCRYPTION_KEY, NIK_INDEX_KEY, CONTACT_SEAL_KEY };
    case 'instructor-module':
      return { ...common, CONTACT_SEAL_KEY };
    case 'notification':
      return { ...common, CONTACT_SEAL_KEY, SIGN_IN_CODE_SEAL_KEY, ...sinks.notificationEnv };
    default:
      return common;
  }
}

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

/**
 * `npm start`: infrastructure, the message sinks, databases, topics, the six services, demo data.
 * Ctrl-C stops the services (each drains its work), then the sinks and whatever infrastructure it started.
 */
async function main(): Promise<void> {
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
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services...');
    await Promise.all(services.map((service) => service.stop()));
    await sinks.close();
    await stopInfrastructure();
    log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    describeEnsuredTopics(await ensureTopics(kafka.connection, allTopicSpecs(), topicDurabilityFrom())).forEach(log);
    const portOf = (name: ServiceName, port: number) => Number(process.env[`SINERGI_${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? port);
    const serviceUrls = gatewaySettings(SERVICES.map(({ name, port }) => ({ name, port: portOf(name, port) })));
    for (const { name, port } of SERVICES) {
      const databaseUrl = await ensureDatabase(postgres.url, databaseNameOf(name));
      services.push(
        ServiceProcess.spawn({
          service: name,
          port: portOf(name, port),
          databaseUrl,
          kafka: kafka.principals[name] ?? kafka.connection,
          env: settingsOf(name, secrets, sinks, serviceUrls),
          onOutput: (line) => process.stdout.write(`[${name}] ${line}\n`),
        }),
      );
    }
    await Promise.all(services.map((service) => service.waitUntilHealthy()));
    const urlOf = (name: string) => services.find((service) => service.options.service === name)?.url ?? '';
    await seedDemoData({ program: urlOf('program'), venueCapacity: urlOf('venue-capacity'), instructorModule: urlOf('instructor-module') }, log, demoAuthorization(services, secrets));
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stopAll(1);
    return;
  }

  log('all six services are up:');
  for (const service of services) log(`  ${service.options.service.padEnd(18)} ${service.url}  (health: ${service.url}/health)`);
  log(`every message sent: emails ${sinks.smtp.httpUrl}/messages, SMS and WhatsApp ${sinks.provider.url}/messages (add ?to=<address or +62...>)`);
  log(`the gateway listens on ${services[0].url}; press Ctrl-C to stop everything`);
  // After start-up, not before: a render takes about 40 s of CPU, and only when asyncapi.yaml changed.
  ensureAsyncApiHtml().then(
    () => log(`the AsyncAPI document: ${services[0].url}/asyncapi`),
    (error: Error) => log(`could not render the AsyncAPI document (${error.message}); the schemas are at ${services[0].url}/schemas`),
  );
}

void main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
