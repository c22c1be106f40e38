import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { kafkaClientConfig, type KafkaConnection, kafkaConnectionFrom, type Principal } from '@sinergi/messaging';

/** Set by the global setup: each principal's connection to the secured local broker, as JSON. */
export const TEST_PRINCIPALS_VARIABLE = 'SINERGI_TEST_KAFKA_PRINCIPALS';

/** The broker of the test run and the test harness's credentials (the local broker's super user), from the global setup. */
export function testKafkaConnection(): KafkaConnection {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run tests through jest, whose global setup provides a broker');
  return kafkaConnectionFrom({ ...process.env, KAFKA_BROKERS: brokers });
}

/** A service's or ministry system's own connection; undefined unless the tests run on the secured local broker. */
export function testPrincipalConnection(principal: Principal): KafkaConnection | undefined {
  const principals: Partial<Record<Principal, KafkaConnection>> = JSON.parse(process.env[TEST_PRINCIPALS_VARIABLE] ?? '{}');
  return principals[principal];
}

export function testKafka(clientId = 'test'): Kafka {
  return new Kafka(kafkaClientConfig(testKafkaConnection(), clientId));
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Creates topics with the given partition count (dead-letter companions included when asked). */
export async function createTestTopics(topics: string[], numPartitions = 1): Promise<void> {
  const admin = testKafka('test-admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export type CollectedMessage = KafkaMessage & { topic: string; partition: number };

/** Reads every message of the topics from the beginning into `messages`, until stop(). */
export class TopicCollector {
  readonly messages: CollectedMessage[] = [];
  private readonly consumer: Consumer;

  private constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: uniqueName('collector'), sessionTimeout: 10_000 });
  }

  static async start(topics: string[]): Promise<TopicCollector> {
    const collector = new TopicCollector(testKafka('collector'));
    await collector.consumer.connect();
    await collector.consumer.subscribe({ topics, fromBeginning: true });
    await collector.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        collector.messages.push({ ...message, topic, partition });
      },
    });
    return collector;
  }

  valuesOf(topic: string): unknown[] {
    return this.messages.filter((message) => message.topic === topic).map((message) => JSON.parse(String(message.value)));
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
