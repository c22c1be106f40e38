import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEAD_LETTER_HEADERS } from '@sinergi/contracts';
import { TestDatabase, testKafka, testKafkaConnection, TopicCollector, uniqueName, waitFor } from '@sinergi/testing';
import { traceIdOf } from '../src';
import { startEffectsApp } from './fixtures/effects-app';
import { sendRaw, testEnvelope } from './fixtures/publish';
import { testCatalog } from './fixtures/test-events';
import { TransportTestBed } from './fixtures/transport-test-bed';

interface EffectRow {
  event_id: string;
  seq: number;
  attempt: number;
  correlation_id: string;
  causation_id: string;
  traceparent: string;
}

describe('Kafka inbox transport for @EventPattern handlers (real Kafka, real PostgreSQL)', () => {
  const topic = uniqueName('test.inbox');
  const groupId = uniqueName('inbox-group');
  let bed: TransportTestBed;
  let database: TestDatabase;
  let dataSource: DataSource;
  let producer: Producer;
  let app: INestApplication | undefined;
  let deadLetters: TopicCollector;

  const effects = (): Promise<EffectRow[]> => dataSource.query('SELECT * FROM effects ORDER BY handled_at');
  const effectsOf = async (eventId: string) => (await effects()).filter((row) => row.event_id === eventId);

  function start(): Promise<INestApplication> {
    return startEffectsApp(database.url, {
      ...testKafkaConnection(),
      clientId: 'inbox-test',
      groupId,
      catalog: testCatalog(topic),
      retry: { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100 },
      offsetCommit: { intervalMs: 100, threshold: 1 },
    });
  }

  beforeAll(async () => {
    bed = await TransportTestBed.open(topic, 'inbox');
    ({ database, dataSource, producer, deadLetters } = bed);
    app = await start();
  });

  afterAll(async () => {
    await app?.close();
    await bed.close();
  });

  it('applies an event once, however often it is delivered', async () => {
    const event = testEnvelope('dup', { seq: 1 });
    await sendRaw(producer, topic, [{ key: 'dup', value: event }, { key: 'dup', value: event }]);
    const marker = testEnvelope('dup', { seq: 2 });
    await sendRaw(producer, topic, [{ key: 'dup', value: marker }]);

    await waitFor('the marker handled', async () => (await effectsOf(marker.id)).length === 1);
    expect(await effectsOf(event.id)).toHaveLength(1);
    const inbox = await dataSource.query('SELECT outcome FROM inbox WHERE event_id = $1', [event.id]);
    expect(inbox).toEqual([{ outcome: 'handled' }]);
  });

  it('retries a failing handler with backoff and commits nothing of the failed attempts', async () => {
    const event = testEnvelope('flaky', { seq: 3, failTimes: 2 });
    await sendRaw(producer, topic, [{ key: 'flaky', value: event }]);

    const [effect] = await waitFor('the third attempt to succeed', async () => {
      const rows = await effectsOf(event.id);
      return rows.length > 0 && rows;
    });
    expect(effect.attempt).toBe(3);
    expect(await effectsOf(event.id)).toHaveLength(1);
  });

  it('parks a message that keeps failing on the dead-letter topic, with why and where, and moves on', async () => {
    const poison = testEnvelope('poison', { seq: 4, failTimes: 99 });
    const next = testEnvelope('poison', { seq: 5 });
    await sendRaw(producer, topic, [
      { key: 'poison', value: poison },
      { key: 'poison', value: next },
    ]);

    await waitFor('the next message on the partition handled', async () => (await effectsOf(next.id)).length === 1);
    const parked = await waitFor('the poison message parked', () =>
      deadLetters.messages.find((message) => JSON.parse(String(message.value)).id === poison.id),
    );
    const header = (name: string) => String(parked.headers?.[name]);
    expect(header(DEAD_LETTER_HEADERS.error)).toBe('planned failure on attempt 3');
    expect(header(DEAD_LETTER_HEADERS.attempts)).toBe('3');
    expect(header(DEAD_LETTER_HEADERS.originalTopic)).toBe(topic);
    expect(header(DEAD_LETTER_HEADERS.originalPartition)).toBe('0');
    expect(Number(header(DEAD_LETTER_HEADERS.originalOffset))).toBeGreaterThanOrEqual(0);
    expect(header(DEAD_LETTER_HEADERS.consumerGroup)).toBe(groupId);
    expect(await effectsOf(poison.id)).toHaveLength(0);
    expect(await dataSource.query('SELECT outcome FROM inbox WHERE event_id = $1', [poison.id])).toEqual([{ outcome: 'dead-lettered' }]);
  });

  it('sends a message that breaks the schema straight to the dead-letter topic, without retrying', async () => {
    const invalid = testEnvelope('invalid', { seq: -5 });
    const next = testEnvelope('invalid', { seq: 6 });
    await sendRaw(producer, topic, [
      { key: 'invalid', value: invalid },
      { key: 'invalid', value: 'not json at all' },
      { key: 'invalid', value: next },
    ]);

    await waitFor('the next message handled', async () => (await effectsOf(next.id)).length === 1);
    const parked = await waitFor('both bad messages parked', () => {
      const found = deadLetters.messages.filter((message) => String(message.key) === 'invalid');
      return found.length === 2 && found;
    });
    expect(String(parked[0].headers?.[DEAD_LETTER_HEADERS.error])).toBe('schema: TestThingHappened data/seq must be >= 0');
    expect(String(parked[0].headers?.[DEAD_LETTER_HEADERS.attempts])).toBe('0');
    expect(String(parked[1].headers?.[DEAD_LETTER_HEADERS.error])).toBe('schema: message value is not JSON');
    expect(await effectsOf(invalid.id)).toHaveLength(0);
  });

  it('runs the handler in the trace of the event: same trace id and correlation, the event as cause', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const event = testEnvelope('traced', { seq: 7 }, { traceparent, correlationid: 'corr-traced' });
    await sendRaw(producer, topic, [{ key: 'traced', value: event }]);

    const [effect] = await waitFor('the traced event handled', async () => {
      const rows = await effectsOf(event.id);
      return rows.length > 0 && rows;
    });
    expect(effect.correlation_id).toBe('corr-traced');
    expect(effect.causation_id).toBe(event.id);
    expect(traceIdOf(effect.traceparent)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(effect.traceparent).not.toBe(traceparent);
  });

  it('on shutdown finishes the message in hand and commits its offset before closing the pool', async () => {
    const slow = testEnvelope('slow', { seq: 8, delayMs: 1_500 });
    await sendRaw(producer, topic, [{ key: 'slow', value: slow }]);
    await waitFor('the slow message in hand', async () => (await dataSource.query('SELECT 1 FROM pg_stat_activity WHERE state = $1 AND datname = $2', ['idle in transaction', database.name])).length > 0);

    await app?.close();
    app = undefined;

    expect(await effectsOf(slow.id)).toHaveLength(1);
    const admin = testKafka('inbox-test-admin').admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const end = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(committed.partitions[0].offset).toBe(end[0].offset);
    app = await start();
  });
});
