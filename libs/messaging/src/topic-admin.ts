import { Admin, Kafka, logLevel } from 'kafkajs';
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
      await admin.createTopics({ topics: missing, waitForLeaders: false });
      await waitForLeaders(admin, missing.map((topic) => topic.topic));
    }
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}

const LEADERS_TIMEOUT_MS = 30_000;
const NOT_YET_KNOWN = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Waits until every new topic has a leader for each partition. A KRaft broker can answer metadata for a
 * topic it has just created with UNKNOWN_TOPIC_OR_PARTITION for a moment, which kafkajs's own
 * `waitForLeaders` does not retry.
 */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (!NOT_YET_KNOWN.has((error as { type?: string }).type ?? '')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics have no leader after ${LEADERS_TIMEOUT_MS} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
