import { allTopicSpecs } from '@sinergi/contracts';
import { ensureTopics } from '@sinergi/messaging';
import { databaseNameOf, ensureDatabase, ensureKafka, ensurePostgres, localSecrets, ServiceProcess, SERVICES } from '@sinergi/local-infra';
import { seedDemoData } from './demo-data';

const log = (line: string) => process.stdout.write(`[sinergi] ${line}\n`);

/**
 * `npm start`: infrastructure, databases, topics, the six services, demo data.
 * Ctrl-C stops the services (each drains its work), then whatever infrastructure it started.
 */
async function main(): Promise<void> {
  const kafka = await ensureKafka();
  const postgres = await ensurePostgres();
  const stopInfrastructure = async () => {
    await kafka.stop();
    await postgres.stop();
  };
  const services: ServiceProcess[] = [];
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services...');
    await Promise.all(services.map((service) => service.stop()));
    await stopInfrastructure();
    log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const created = await ensureTopics(kafka.brokers, allTopicSpecs());
    if (created.length > 0) log(`created topics: ${created.join(', ')}`);
    for (const { name, port } of SERVICES) {
      const databaseUrl = await ensureDatabase(postgres.url, databaseNameOf(name));
      services.push(
        ServiceProcess.spawn({
          service: name,
          port: Number(process.env[`SINERGI_${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? port),
          databaseUrl,
          kafkaBrokers: kafka.brokers.join(','),
          env: name === 'enrollment' ? { ...localSecrets() } : {},
          onOutput: (line) => process.stdout.write(`[${name}] ${line}\n`),
        }),
      );
    }
    await Promise.all(services.map((service) => service.waitUntilHealthy()));
    const urlOf = (name: string) => services.find((service) => service.options.service === name)?.url ?? '';
    await seedDemoData({ program: urlOf('program'), venueCapacity: urlOf('venue-capacity'), instructorModule: urlOf('instructor-module') }, log);
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stopAll(1);
    return;
  }

  log('all six services are up:');
  for (const service of services) log(`  ${service.options.service.padEnd(18)} ${service.url}  (health: ${service.url}/health)`);
  log(`the gateway listens on ${services[0].url}; press Ctrl-C to stop everything`);
}

void main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
