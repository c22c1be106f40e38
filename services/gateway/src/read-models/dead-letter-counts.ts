import { Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { allTopicSpecs, deadLetterTopicOf } from '@sinergi/contracts';
import { kafkaClientConfig } from '@sinergi/messaging';
import { PollingTimer } from '@sinergi/platform';
import { GatewayConfig } from '../gateway.config';
import { notify } from './live/read-model-changes';
import { Queryable, READ_MODELS_SCHEMA } from './projection-tables';

/**
 * How many dead letters each topic's companion holds now: the sum of its partitions' end minus start offsets.
 * Read from the broker's offsets, not the messages, so the gateway needs only to describe the dead-letter
 * topics, never read them (a dead letter of the nominations topic carries NIKs). Answers whether any count changed.
 */
export async function countDeadLetters(db: Queryable, schema: string, kafka: Kafka, topicPrefix = '', now = new Date()): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  let changed = false;
  try {
    for (const spec of allTopicSpecs(topicPrefix)) {
      const partitions = await admin.fetchTopicOffsets(deadLetterTopicOf(spec.name));
      const count = partitions.reduce((sum, { low, high }) => sum + BigInt(high) - BigInt(low), 0n);
      const topic = spec.name.slice(topicPrefix.length);
      const [before]: Array<{ dead_letters: string }> = await db.query(`SELECT dead_letters FROM ${schema}.dead_letters WHERE topic = $1`, [topic]);
      await db.query(
        `INSERT INTO ${schema}.dead_letters (topic, dead_letters, counted_at) VALUES ($1, $2, $3)
         ON CONFLICT (topic) DO UPDATE SET dead_letters = EXCLUDED.dead_letters, counted_at = EXCLUDED.counted_at`,
        [topic, count.toString(), now],
      );
      changed ||= before?.dead_letters !== count.toString();
    }
  } finally {
    await admin.disconnect();
  }
  return changed;
}

const COUNT_EVERY_MS = 60_000;

/** Counts the dead letters into the read models once a minute, and announces a change of any count to the live dashboards. */
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
    const changed = await countDeadLetters(this.db, READ_MODELS_SCHEMA, this.kafka, this.config.KAFKA_TOPIC_PREFIX ?? '', now);
    if (changed) await notify(this.db, { kind: 'dead-letters' });
  }
}
