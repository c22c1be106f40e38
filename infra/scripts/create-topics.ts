import { allTopicSpecs } from '@sinergi/contracts';
import { describeEnsuredTopics, ensureTopics, kafkaConnectionFrom, topicDurabilityFrom } from '@sinergi/messaging';

/**
 * Creates every registry topic and its dead-letter companion on KAFKA_BROKERS (used by docker-compose),
 * connecting with the KAFKA_SASL_* / KAFKA_SSL* settings, and reports existing topics whose settings differ.
 */
async function main(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS must be set, e.g. KAFKA_BROKERS=127.0.0.1:9092');
  const result = await ensureTopics(kafkaConnectionFrom({ ...process.env, KAFKA_BROKERS: brokers }), allTopicSpecs(), topicDurabilityFrom());
  process.stdout.write(`${describeEnsuredTopics(result).join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
