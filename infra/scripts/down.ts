import { stopKafkaFromPidFile, stopPostgresFromPidFile, stopProcessesFromPidFile } from '@sinergi/local-infra';

/**
 * `npm stop`: stops the service processes, local Kafka broker and PostgreSQL left running (e.g. after `npm start`
 * was killed, or ran in the background). The services go first, so that they drain while the broker is still there.
 */
async function main(): Promise<void> {
  const services = await stopProcessesFromPidFile();
  const kafka = await stopKafkaFromPidFile();
  const postgres = await stopPostgresFromPidFile();
  const stoppedServices = services.length > 0 ? `stopped ${services.join(', ')}` : 'none were running';
  process.stdout.write(
    `[sinergi] services: ${stoppedServices}; Kafka: ${kafka ? 'stopped' : 'was not running'}; PostgreSQL: ${postgres ? 'stopped' : 'was not running'}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
