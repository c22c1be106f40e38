import { Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { allTopicSpecs, deadLetterTopicOf } from '@sinergi/contracts';
import { kafkaClientConfig } from '@sinergi/messaging';
import { PollingTimer } from '@sinergi/platform';
import { GatewayConfig } from '../gateway.config';
import { Queryable, READ_MODELS_SCHEMA } from './projection-tables';

/**
 * How many dead letters each topic's companion holds now: the sum of its partitions' end minus start offsets.
 * Read from the broker's offsets, not the messages, so the gateway needs only to describe the dead-letter
 * topics, never read them (a dead letter of the nominations topic carries NIKs).
 */
export async function countDeadLetters(db: Queryable, schema: string, kafka: Kafka, topicPrefix = '', now = new Date()): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const spec of allTopicSpecs(topicPrefix)) {
      const partitions = await admin.fetchTopicOffsets(deadLetterTopicOf(spec.name));
      const count = partitions.reduce((sum, { low, high }) => sum + BigInt(high) - BigInt(low), 0n);
      await db.query(
        `INSERT INTO ${schema}.dead_letters (topic, dead_letters, counted_at) VALUES ($1, $2, $3)
         ON CONFLICT (topic) DO UPDATE SET dead_letters = EXCLUDED.dead_letters, counted_at = EXCLUDED.counted_at`,
        [spec.name.slice(topicPrefix.length), count.toString(), now],
      );
    }
  } finally {
    await admin.disconnect();
  }
}

const COUNT_EVERY_MS = 60_000;

/** Counts the dead letters into the read models once a minute. */
@Injectable()
export class DeadLetterCounter extends PollingTimer {
  private readonly kafka: Kafka;

  constructor(
    private readonly db: DataSource,
    private readonly config: GatewayConfig,
  ) {
    super(COUNT_EVERY_MS);
    this.kafka = new Kafka(kafkaClientConfig(config.kafkaConnection, 'gateway-dead-letter-counts'));
  }

  async runOnce(now = new Date()): Promise<void> {
    await countDeadLetters(this.db, READ_MODELS_SCHEMA, this.kafka, this.config.KAFKA_TOPIC_PREFIX ?? '', now);
  }
}
