import { allTopicSpecs } from '@sinergi/contracts';
import { ensureTopics } from '@sinergi/messaging';

/** Creates every registry topic and its dead-letter companion on KAFKA_BROKERS (used by docker-compose). */
async function main(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS must be set, e.g. KAFKA_BROKERS=127.0.0.1:9092');
  const created = await ensureTopics(brokers.split(','), allTopicSpecs());
  process.stdout.write(created.length > 0 ? `created topics: ${created.join(', ')}\n` : 'all topics exist\n');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
