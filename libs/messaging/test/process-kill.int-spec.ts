import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopicOf } from '@sinergi/contracts';
import { kafkaConnectionEnv } from '../src';
import { createTestTopics, TestDatabase, testKafka, testKafkaConnection, uniqueName, waitFor } from '@sinergi/testing';
import { ChildConsumer } from './fixtures/child-consumer';
import { createMessagingDatabase } from './fixtures/messaging-database';
import { sendRaw, testEnvelope } from './fixtures/publish';

/** Consumers as real OS processes killed with SIGKILL: nothing lost, nothing applied twice. */
describe('consumers killed with SIGKILL (real Kafka, real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let producer: Producer;
  const children: ChildConsumer[] = [];

  async function startChild(topic: string, group: string, env: Record<string, string> = {}): Promise<ChildConsumer> {
    const child = await ChildConsumer.start({
      TEST_TOPIC: topic,
      TEST_GROUP: group,
      TEST_DATABASE_URL: database.url,
      ...kafkaConnectionEnv(testKafkaConnection()),
      ...env,
    });
    children.push(child);
    return child;
  }

  async function sendEvents(topic: string, count: number, firstSeq: number, keys: number): Promise<string[]> {
    const events = Array.from({ length: count }, (_, index) => testEnvelope(`key-${index % keys}`, { seq: firstSeq + index }));
    await sendRaw(producer, topic, events.map((event) => ({ key: event.subject, value: event })));
    return events.map((event) => event.id);
  }

  async function timesHandled(eventIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ event_id: string; n: number }> = await dataSource.query(
      'SELECT event_id, count(*)::int AS n FROM effects WHERE event_id = ANY($1::text[]) GROUP BY event_id',
      [eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.n]));
  }

  async function committedOffsets(group: string, topic: string): Promise<string[]> {
    const admin = testKafka('kill-test-admin').admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return offsets.partitions.sort((a, b) => a.partition - b.partition).map((partition) => partition.offset);
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    ({ database, dataSource } = await createMessagingDatabase('kill'));
    producer = testKafka('kill-test-producer').producer();
    await producer.connect();
  });

  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill()));
  });

  afterAll(async () => {
    await producer.disconnect();
    await dataSource.destroy();
    await database.drop();
  });

  it('applies each effect once when a consumer dies between its database commit and its offset commit', async () => {
    const topic = uniqueName('test.kill');
    const group = uniqueName('kill-group');
    await createTestTopics([topic, deadLetterTopicOf(topic)]);
    const first = await startChild(topic, group, { TEST_COMMIT_INTERVAL_MS: '600000', TEST_COMMIT_THRESHOLD: '1000000' });
    const events = await sendEvents(topic, 20, 0, 4);

    await waitFor('all 20 effects committed by the first process', async () => (await timesHandled(events)).size === 20);
    expect(await committedOffsets(group, topic)).toEqual(['-1']);
    await first.kill();

    await startChild(topic, group);
    const [marker] = await sendEvents(topic, 1, 100, 1);
    await waitFor('the restarted consumer to reach the marker', async () => (await timesHandled([marker])).size === 1, { timeoutMs: 60_000 });

    expect([...(await timesHandled(events)).values()]).toEqual(Array(20).fill(1));
    expect(await committedOffsets(group, topic)).toEqual(['21']);
  });

  it('splits partitions between two instances of a group, and the survivor takes over a killed one', async () => {
    const topic = uniqueName('test.group');
    const group = uniqueName('split-group');
    await createTestTopics([topic, deadLetterTopicOf(topic)], 4);
    const [a, b] = [await startChild(topic, group), await startChild(topic, group)];
    await waitFor('both instances to own partitions', () => a.currentAssignment.length > 0 && b.currentAssignment.length > 0 && a.currentAssignment.length + b.currentAssignment.length === 4, {
      timeoutMs: 60_000,
    });
    expect([...a.currentAssignment, ...b.currentAssignment].sort()).toEqual([0, 1, 2, 3]);

    const before = await sendEvents(topic, 40, 0, 8);
    await waitFor('40 effects', async () => (await timesHandled(before)).size === 40);
    const handlers: Array<{ handled_by: number }> = await dataSource.query('SELECT DISTINCT handled_by FROM effects WHERE event_id = ANY($1::text[])', [before]);
    expect(handlers.map((row) => row.handled_by).sort()).toEqual([a.pid, b.pid].sort());

    await a.kill();
    const after = await sendEvents(topic, 40, 40, 8);
    await waitFor('the survivor to own every partition', () => b.currentAssignment.length === 4, { timeoutMs: 60_000 });
    await waitFor('40 more effects', async () => (await timesHandled(after)).size === 40, { timeoutMs: 60_000 });

    expect([...(await timesHandled([...before, ...after])).values()]).toEqual(Array(80).fill(1));
    const lateHandlers: Array<{ handled_by: number }> = await dataSource.query('SELECT DISTINCT handled_by FROM effects WHERE event_id = ANY($1::text[])', [after]);
    expect(lateHandlers.map((row) => row.handled_by)).toEqual([b.pid]);
  });
});
