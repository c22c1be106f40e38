import { Kafka } from 'kafkajs';
import { kafkaClientConfig, kafkaConnectionFrom } from '@sinergi/messaging';
import { rebuildReadModels } from './rebuild';

const USAGE = `usage: npm run rebuild-read-models

Replays the gateway's topics from the beginning into a fresh schema (consumer group <prefix>gateway.rebuild,
which never commits) and swaps it in for the live read models in one transaction, while live updates wait.
Settings, as the gateway's: DATABASE_URL, KAFKA_BROKERS with the KAFKA_SASL_* / KAFKA_SSL* of the gateway
principal, KAFKA_TOPIC_PREFIX (optional).`;

async function main(): Promise<void> {
  const { DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers } = process.env;
  if (process.argv.includes('--help') || !databaseUrl || !brokers) throw new Error(USAGE);
  const kafka = new Kafka(kafkaClientConfig(kafkaConnectionFrom({ ...process.env, KAFKA_BROKERS: brokers }), 'gateway-rebuild'));
  const { read, projected } = await rebuildReadModels({ databaseUrl, kafka, topicPrefix: process.env.KAFKA_TOPIC_PREFIX });
  process.stdout.write(`read models rebuilt: ${read} message(s) read, ${projected} projected\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
