import { stopKafkaFromPidFile, stopPostgresFromPidFile } from '@sinergi/local-infra';

/** `npm stop`: stops a local Kafka broker and PostgreSQL left running (e.g. after `npm start` was killed). */
async function main(): Promise<void> {
  const kafka = await stopKafkaFromPidFile();
  const postgres = await stopPostgresFromPidFile();
  process.stdout.write(`[sinergi] Kafka: ${kafka ? 'stopped' : 'was not running'}; PostgreSQL: ${postgres ? 'stopped' : 'was not running'}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
