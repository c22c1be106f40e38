import { Kafka, logLevel } from 'kafkajs';
import { DEAD_LETTER_RETENTION_MS, deadLetterTopicOf, TopicSpec } from '@sinergi/contracts';

export interface TopicToCreate {
  topic: string;
  numPartitions: number;
  configEntries: { name: string; value: string }[];
}

/** Each registry topic and its dead-letter companion, as the broker should have them. */
export function topicsFor(specs: readonly TopicSpec[]): TopicToCreate[] {
  return specs.flatMap((spec) => [
    { topic: spec.name, numPartitions: spec.partitions, configEntries: [{ name: 'retention.ms', value: String(spec.retentionMs) }] },
    {
      topic: deadLetterTopicOf(spec.name),
      numPartitions: 1,
      configEntries: [{ name: 'retention.ms', value: String(DEAD_LETTER_RETENTION_MS) }],
    },
  ]);
}

/** Creates the missing topics; existing ones are left as they are. Returns the names it created. */
export async function ensureTopics(brokers: string[], specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = new Kafka({ clientId: 'sinergi-topic-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicsFor(specs).filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}
