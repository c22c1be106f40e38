import { Admin, ConfigResourceTypes, ConfigSource, Kafka } from 'kafkajs';
import { DEAD_LETTER_RETENTION_MS, deadLetterTopicOf, TopicSpec } from '@sinergi/contracts';
import { kafkaClientConfig, KafkaConnection } from './kafka-connection';

/** How many copies of each partition the brokers keep, and how many must have a write before it is acknowledged. */
export interface TopicDurability {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** One broker (npm start, the tests): one copy. Production sets 3 and 2 (KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS). */
export const SINGLE_BROKER_DURABILITY: TopicDurability = { replicationFactor: 1, minInsyncReplicas: 1 };

export interface TopicToCreate {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

export interface EnsuredTopics {
  created: string[];
  /** Existing topics whose retention was raised to the registry's (it is never lowered). */
  retentionRaised: string[];
  /** Existing topics whose settings differ from the registry's, one line each ("<topic>: partitions 3, expected 6"). */
  mismatches: string[];
}

/** KAFKA_REPLICATION_FACTOR and KAFKA_MIN_INSYNC_REPLICAS, defaulting to a single broker's. */
export function topicDurabilityFrom(env: NodeJS.ProcessEnv = process.env): TopicDurability {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw} must be a whole number of at least 1`);
    return value;
  };
  const durability = {
    replicationFactor: read('KAFKA_REPLICATION_FACTOR', SINGLE_BROKER_DURABILITY.replicationFactor),
    minInsyncReplicas: read('KAFKA_MIN_INSYNC_REPLICAS', SINGLE_BROKER_DURABILITY.minInsyncReplicas),
  };
  if (durability.minInsyncReplicas > durability.replicationFactor) {
    throw new Error(`KAFKA_MIN_INSYNC_REPLICAS=${durability.minInsyncReplicas} cannot exceed KAFKA_REPLICATION_FACTOR=${durability.replicationFactor}`);
  }
  return durability;
}

/** Each registry topic and its dead-letter companion, as the broker should have them. */
export function topicsFor(specs: readonly TopicSpec[], durability: TopicDurability = SINGLE_BROKER_DURABILITY): TopicToCreate[] {
  const topic = (name: string, numPartitions: number, retentionMs: number): TopicToCreate => ({
    topic: name,
    numPartitions,
    replicationFactor: durability.replicationFactor,
    configEntries: [
      { name: 'retention.ms', value: String(retentionMs) },
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'min.insync.replicas', value: String(durability.minInsyncReplicas) },
    ],
  });
  return specs.flatMap((spec) => [
    topic(spec.name, spec.partitions, spec.retentionMs),
    topic(deadLetterTopicOf(spec.name), 1, DEAD_LETTER_RETENTION_MS),
  ]);
}

/**
 * Creates the missing topics with the registry's partitions, retention and the given durability. An existing
 * topic that keeps messages for less time than the registry says has its retention raised (a replay from the
 * beginning needs every message); otherwise existing ones are left as they are, and every setting of theirs
 * that differs is reported.
 */
export async function ensureTopics(
  connection: KafkaConnection,
  specs: readonly TopicSpec[],
  durability: TopicDurability = SINGLE_BROKER_DURABILITY,
): Promise<EnsuredTopics> {
  const admin = new Kafka(kafkaClientConfig(connection, 'sinergi-topic-admin')).admin();
  await admin.connect();
  try {
    const wanted = topicsFor(specs, durability);
    const existingNames = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existingNames.has(topic.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: false });
      await waitForLeaders(admin, missing.map((topic) => topic.topic));
    }
    const existing = wanted.filter((topic) => existingNames.has(topic.topic));
    const retentionRaised = await raiseRetention(admin, existing);
    return { created: missing.map((topic) => topic.topic), retentionRaised, mismatches: await mismatchesOf(admin, existing) };
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

const RETENTION = 'retention.ms';
const CONFIG_PROPAGATION_TIMEOUT_MS = 10_000;

/** Whether a retention (Kafka's `retention.ms`, -1 for unlimited) keeps messages for less time than another. */
export function isShorterRetention(actual: number, wanted: number): boolean {
  if (actual < 0) return false;
  return wanted < 0 || actual < wanted;
}

async function raiseRetention(admin: Admin, topics: TopicToCreate[]): Promise<string[]> {
  if (topics.length === 0) return [];
  const wantedOf = (topic: TopicToCreate) => Number(topic.configEntries.find((entry) => entry.name === RETENTION)!.value);
  const describe = async (subjects: TopicToCreate[]) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: subjects.map((topic) => ({ type: ConfigResourceTypes.TOPIC, name: topic.topic })),
    });
    const configOf = (topic: TopicToCreate) => resources.find((resource) => resource.resourceName === topic.topic)?.configEntries ?? [];
    const isShort = (topic: TopicToCreate) =>
      isShorterRetention(Number(configOf(topic).find((entry) => entry.configName === RETENTION)?.configValue), wantedOf(topic));
    return { configOf, isShort };
  };
  const { configOf, isShort } = await describe(topics);
  const shorter = topics.filter(isShort);
  if (shorter.length === 0) return [];
  // AlterConfigs replaces a topic's whole set of its own settings: send them all back, with only retention.ms changed.
  await admin.alterConfigs({
    validateOnly: false,
    resources: shorter.map((topic) => ({
      type: ConfigResourceTypes.TOPIC,
      name: topic.topic,
      configEntries: [
        ...configOf(topic)
          .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG && entry.configName !== RETENTION)
          .map((entry) => ({ name: entry.configName, value: entry.configValue })),
        { name: RETENTION, value: String(wantedOf(topic)) },
      ],
    })),
  });
  // The controller accepts the change before the broker that answers DescribeConfigs has it.
  const deadline = Date.now() + CONFIG_PROPAGATION_TIMEOUT_MS;
  for (;;) {
    const { isShort: stillShort } = await describe(shorter);
    if (!shorter.some(stillShort)) break;
    if (Date.now() > deadline) throw new Error(`the broker did not apply the raised retention within ${CONFIG_PROPAGATION_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return shorter.map((topic) => topic.topic);
}

async function mismatchesOf(admin: Admin, topics: TopicToCreate[]): Promise<string[]> {
  if (topics.length === 0) return [];
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((topic) => topic.topic) });
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((topic) => ({
      type: ConfigResourceTypes.TOPIC,
      name: topic.topic,
      configNames: topic.configEntries.map((entry) => entry.name),
    })),
  });
  return topics.flatMap((topic) => {
    const partitions = metadata.topics.find((found) => found.name === topic.topic)?.partitions ?? [];
    const actual = new Map<string, string>([
      ['partitions', String(partitions.length)],
      ['replication factor', String(Math.min(...partitions.map((partition) => partition.replicas.length)))],
      ...(configs.resources
        .find((resource) => resource.resourceName === topic.topic)
        ?.configEntries.map((entry): [string, string] => [entry.configName, entry.configValue]) ?? []),
    ]);
    const expected: Array<[string, string]> = [
      ['partitions', String(topic.numPartitions)],
      ['replication factor', String(topic.replicationFactor)],
      ...topic.configEntries.map((entry): [string, string] => [entry.name, entry.value]),
    ];
    return expected
      .filter(([name, value]) => actual.get(name) !== value)
      .map(([name, value]) => `${topic.topic}: ${name} ${actual.get(name) ?? 'unknown'}, expected ${value}`);
  });
}

/** What ensureTopics did, for a start-up log: the topics created, then a warning per setting that differs. */
export function describeEnsuredTopics({ created, retentionRaised, mismatches }: EnsuredTopics): string[] {
  return [
    created.length > 0 ? `created topics: ${created.join(', ')}` : 'all topics exist',
    ...(retentionRaised.length > 0 ? [`raised retention to the registry's on: ${retentionRaised.join(', ')}`] : []),
    ...mismatches.map((mismatch) => `WARNING topic settings differ from the registry (not changed; fix by hand or recreate): ${mismatch}`),
  ];
}
