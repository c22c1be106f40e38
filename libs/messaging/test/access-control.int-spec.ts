import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { allTopicSpecs, TOPICS } from '@sinergi/contracts';
import { ensureAccessControl, ensureTopics, kafkaClientConfig, KafkaConnection, removeAccessControl } from '../src';
import { deleteTopicNamespace, testKafka, testKafkaConnection, testPrincipalConnection, uniqueName, waitFor } from '@sinergi/testing';

const kemenumkm = testPrincipalConnection('kemenumkm');
const secured = kemenumkm ? describe : describe.skip;

/** Without retries, so that a refusal is the first error; beforeAll waits for the group coordinator of a fresh broker. */
function client(connection: KafkaConnection): Kafka {
  return new Kafka(kafkaClientConfig(connection, 'acl-test', { connectionTimeout: 3000, retry: { retries: 0 } }));
}

async function send(connection: KafkaConnection, topic: string): Promise<void> {
  const producer = client(connection).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: '{}' }] });
  } finally {
    await producer.disconnect();
  }
}

interface Reader {
  values: string[];
  /** Why the broker refused: at subscription (no DESCRIBE) or at the first fetch (DESCRIBE but no READ). */
  refusal?: Error;
  stop(): Promise<void>;
}

/** Reads the topic from the beginning with the given consumer group, recording what it reads or why it may not. */
async function read(connection: KafkaConnection, groupId: string, topic: string): Promise<Reader> {
  const consumer = client(connection).consumer({ groupId, sessionTimeout: 10_000 });
  const reader: Reader = { values: [], stop: () => consumer.disconnect() };
  consumer.on(consumer.events.CRASH, ({ payload }) => (reader.refusal = payload.error));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void reader.values.push(String(message.value)) });
  } catch (error) {
    reader.refusal = error as Error;
  }
  return reader;
}

/** kafkajs reports a group the principal may not use (GROUP_AUTHORIZATION_FAILED) only as "Failed to find group coordinator". */
const TOPIC_REFUSED = /authori[sz]/i;
const GROUP_REFUSED = /authori[sz]|group coordinator/i;

async function expectReadRefused(connection: KafkaConnection, groupId: string, topic: string, refusal = TOPIC_REFUSED): Promise<void> {
  const reader = await read(connection, groupId, topic);
  try {
    await waitFor(`${connection.sasl?.username} refused to read ${topic}`, () => reader.refusal !== undefined, { timeoutMs: 15_000 });
    expect(reader.refusal?.message).toMatch(refusal);
    expect(reader.values).toEqual([]);
  } finally {
    await reader.stop();
  }
}

/**
 * The local broker's authorizer with the registry's ACLs, granted here for a namespace of this
 * test's own (the harness itself connects as the super user).
 */
secured('who may use which topic (SCRAM-SHA-512 and the registry ACLs, real broker)', () => {
  const prefix = `acl${randomBytes(4).toString('hex')}.`;
  const nominations = `${prefix}${TOPICS.kemenumkmNominations.name}`;
  const nominationResults = `${prefix}${TOPICS.kemenumkmNominationResults.name}`;
  const enrollments = `${prefix}${TOPICS.enrollments.name}`;
  const admin = testKafkaConnection();

  beforeAll(async () => {
    await ensureTopics(admin, allTopicSpecs(prefix));
    await ensureAccessControl(admin, allTopicSpecs(prefix), prefix);
    // The first group on a fresh broker creates its offsets topic; until then there is no coordinator.
    const groups = testKafka('acl-warm-up').admin();
    await groups.connect();
    await waitFor('the group coordinator', () => groups.describeGroups([`${prefix}warm-up`]).then(() => true, () => false));
    await groups.disconnect();
  });

  afterAll(async () => {
    await removeAccessControl(admin, allTopicSpecs(prefix), prefix);
    await deleteTopicNamespace(prefix);
  });

  it('refuses an anonymous client', async () => {
    await expect(send({ brokers: admin.brokers }, nominations)).rejects.toThrow();
  });

  it('refuses a principal with the wrong password', async () => {
    const wrong = { ...kemenumkm!, sasl: { ...kemenumkm!.sasl!, password: 'not-the-password' } };
    await expect(send(wrong, nominations)).rejects.toThrow(/SASL|authentication/i);
  });

  it('refuses a principal the registry does not name for the topic', async () => {
    await expect(send(testPrincipalConnection('program')!, nominations)).rejects.toThrow(/authori[sz]/i);
    await expect(send(testPrincipalConnection('enrollment')!, nominations)).rejects.toThrow(/authori[sz]/i);
    await expectReadRefused(testPrincipalConnection('gateway')!, `${prefix}gateway`, nominations);
  });

  it('lets KemenUMKM send nominations and read its results, and nothing else', async () => {
    await send(kemenumkm!, nominations);
    const enrollment = await read(testPrincipalConnection('enrollment')!, `${prefix}enrollment`, nominations);
    await waitFor('enrollment reads the nomination', () => enrollment.values.length === 1);
    await enrollment.stop();

    const marker = JSON.stringify({ marker: uniqueName('result') });
    const producer = testKafka('acl-results').producer();
    await producer.connect();
    await producer.send({ topic: nominationResults, messages: [{ key: 'k', value: marker }] });
    await producer.disconnect();
    const results = await read(kemenumkm!, `${prefix}kemenumkm-results`, nominationResults);
    await waitFor('KemenUMKM reads its result', () => results.values.includes(marker));
    await results.stop();

    await expectReadRefused(kemenumkm!, `${prefix}kemenumkm-enrollments`, enrollments);
    await expectReadRefused(kemenumkm!, `${prefix}kemenumkm-nominations`, nominations);
    // the same topic it just read, with a consumer group that is not its own
    await expectReadRefused(kemenumkm!, `${prefix}program`, nominationResults, GROUP_REFUSED);
    await expect(send(kemenumkm!, enrollments)).rejects.toThrow(/authori[sz]/i);
  });
});
