import { parseArgs } from 'node:util';
import { Kafka } from 'kafkajs';
import { kafkaClientConfig, kafkaConnectionFrom, redriveDeadLetters, RedriveSelection } from '@sinergi/messaging';

const USAGE = `usage: npm run redrive -- --topic <topic> [--partition <n> --offset <n>] [--event-id <id>] [--group <consumer group>]

Sends the dead letters of <topic> (read from <topic>.dlq) back to <topic>, where the consumer groups that
dead-lettered them handle them again and the others drop them as duplicates. --partition and --offset are the
message's place on <topic> (the sinergi-dlq-original-* headers); without any selection every dead letter of the
topic is re-driven. Brokers: KAFKA_BROKERS, with the KAFKA_SASL_* / KAFKA_SSL* settings of a principal allowed to
read <topic>.dlq and write <topic> (locally: sinergi-admin in .cache/kafka/credentials.json).`;

function selectionFrom(argv: string[]): RedriveSelection {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string' },
      partition: { type: 'string' },
      offset: { type: 'string' },
      'event-id': { type: 'string' },
      group: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.topic) throw new Error(USAGE);
  if (values.partition !== undefined && !/^\d+$/.test(values.partition)) throw new Error('--partition must be a partition number');
  if (values.offset !== undefined && !/^\d+$/.test(values.offset)) throw new Error('--offset must be an offset');
  return {
    topic: values.topic,
    partition: values.partition === undefined ? undefined : Number(values.partition),
    offset: values.offset,
    eventId: values['event-id'],
    consumerGroup: values.group,
  };
}

async function main(): Promise<void> {
  const selection = selectionFrom(process.argv.slice(3));
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS must be set, e.g. KAFKA_BROKERS=127.0.0.1:9092');
  const kafka = new Kafka(kafkaClientConfig(kafkaConnectionFrom({ ...process.env, KAFKA_BROKERS: brokers }), 'sinergi-redrive'));
  const redriven = await redriveDeadLetters(kafka, selection);
  for (const message of redriven) {
    process.stdout.write(`re-drove ${selection.topic}/${message.originalPartition}@${message.originalOffset} (event ${message.eventId ?? 'without an id'})\n`);
  }
  process.stdout.write(redriven.length > 0 ? `${redriven.length} message(s) re-driven to ${selection.topic}\n` : 'no dead letter matches\n');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
