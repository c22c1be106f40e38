import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import { KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEAD_LETTER_HEADERS } from '@sinergi/contracts';
import { createTestTopics, TestDatabase, testKafkaConnection, TopicCollector, uniqueName, waitFor } from '@sinergi/testing';
import { ConsumerStatus, kafkaConnectionEnv } from '../src';
import { startEffectsApp } from './fixtures/effects-app';
import { sendRaw, testEnvelope } from './fixtures/publish';
import { testCatalog } from './fixtures/test-events';
import { FAST_RETRY, TransportTestBed } from './fixtures/transport-test-bed';

/** `npm run redrive -- ...`, as an operator runs it. */
async function redrive(...args: string[]): Promise<string> {
  const repoRoot = join(__dirname, '../../..');
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'infra/scripts/run.js'), 'redrive', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...kafkaConnectionEnv(testKafkaConnection()) },
  });
  return stdout;
}

/** What outsiders and bad days do to a consumer: odd ids, newer producers, outages, a dead-letter topic that fails. */
describe('inbox transport against what comes in (real Kafka, real PostgreSQL)', () => {
  const topic = uniqueName('test.robust');
  const groupId = uniqueName('robust-group');
  const status = new ConsumerStatus();
  let bed: TransportTestBed;
  let database: TestDatabase;
  let dataSource: DataSource;
  let producer: Producer;
  let app: INestApplication | undefined;
  let deadLetters: TopicCollector;

  const effectsOf = async (eventId: string): Promise<unknown[]> => dataSource.query('SELECT attempt FROM effects WHERE event_id = $1', [eventId]);
  const lettersOf = (eventId: string): KafkaMessage[] => deadLetters.messages.filter((message) => JSON.parse(String(message.value)).id === eventId);
  const handled = (eventId: string) => waitFor(`event ${eventId} handled`, async () => (await effectsOf(eventId)).length === 1);
  const retry = FAST_RETRY;

  beforeAll(async () => {
    bed = await TransportTestBed.open(topic, 'robust');
    ({ database, dataSource, producer, deadLetters } = bed);
    app = await startEffectsApp(database.url, {
      ...testKafkaConnection(),
      clientId: 'robust-test',
      groupId,
      catalog: testCatalog(topic),
      retry,
      offsetCommit: { intervalMs: 100, threshold: 1 },
      status,
    });
  });

  afterAll(async () => {
    await app?.close();
    await bed.close();
  });

  it('takes any legal CloudEvents id, such as urn:uuid:..., and applies the event once', async () => {
    const event = testEnvelope('urn', { seq: 1 }, { id: `urn:uuid:${randomUUID()}` });
    await sendRaw(producer, topic, [{ key: 'urn', value: event }, { key: 'urn', value: event }]);
    const marker = testEnvelope('urn', { seq: 2 });
    await sendRaw(producer, topic, [{ key: 'urn', value: marker }]);

    await handled(marker.id);
    expect(await effectsOf(event.id)).toHaveLength(1);
    expect(lettersOf(event.id)).toHaveLength(0);
  });

  it('waits out transient failures, more of them than maxAttempts, and applies the event without a dead letter', async () => {
    const event = testEnvelope('outage', { seq: 3, transientFailTimes: retry.maxAttempts + 3 });
    await sendRaw(producer, topic, [{ key: 'outage', value: event }]);

    await handled(event.id);
    expect(await effectsOf(event.id)).toEqual([{ attempt: retry.maxAttempts + 4 }]);
    expect(lettersOf(event.id)).toHaveLength(0);
    expect(status.snapshot()?.transientRetries).toBeGreaterThanOrEqual(retry.maxAttempts + 3);
  });

  it('accepts a payload with a field its schema does not know, and skips an event type it does not know', async () => {
    const evolved = testEnvelope('newer', { seq: 4 });
    const withNewField = { ...evolved, data: { ...evolved.data, addedLater: 'by a newer producer' } };
    const newType = { ...testEnvelope('newer', { seq: 5 }), type: 'TestThingRenamed' };
    const marker = testEnvelope('newer', { seq: 6 });
    const skippedBefore = status.snapshot()?.skippedUnknownTypes ?? 0;
    await sendRaw(producer, topic, [
      { key: 'newer', value: withNewField },
      { key: 'newer', value: newType },
      { key: 'newer', value: marker },
    ]);

    await handled(marker.id);
    expect(await effectsOf(evolved.id)).toHaveLength(1);
    expect(status.snapshot()?.skippedUnknownTypes).toBe(skippedBefore + 1);
    expect(lettersOf(newType.id)).toHaveLength(0);
    expect(await dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [newType.id])).toHaveLength(0);
  });

  it('parks a message once and moves on when its dead-letter bookkeeping fails', async () => {
    await dataSource.query(`
      CREATE FUNCTION refuse_dead_letters() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'bookkeeping fault injected by the test'; END $$`);
    await dataSource.query(`CREATE TRIGGER refuse_dead_letters BEFORE INSERT ON inbox FOR EACH ROW WHEN (NEW.outcome = 'dead-lettered') EXECUTE FUNCTION refuse_dead_letters()`);
    try {
      const poison = testEnvelope('bookkeeping', { seq: 7, failTimes: 99 });
      const next = testEnvelope('bookkeeping', { seq: 8 });
      await sendRaw(producer, topic, [{ key: 'bookkeeping', value: poison }, { key: 'bookkeeping', value: next }]);

      await handled(next.id);
      await waitFor('the poison parked', () => lettersOf(poison.id).length > 0);
      const marker = testEnvelope('bookkeeping', { seq: 9, delayMs: 1_000 });
      await sendRaw(producer, topic, [{ key: 'bookkeeping', value: marker }]);
      await handled(marker.id);
      expect(lettersOf(poison.id)).toHaveLength(1);
      expect(status.snapshot()?.lastDeadLetterFailure).toMatchObject({ topic, stage: 'bookkeeping', error: 'bookkeeping fault injected by the test' });
    } finally {
      await dataSource.query('DROP TRIGGER refuse_dead_letters ON inbox; DROP FUNCTION refuse_dead_letters()');
    }
  });

  it('moves on when the dead-letter topic is missing, and says where the message stays', async () => {
    const lonely = uniqueName('test.no-dlq');
    await createTestTopics([lonely]);
    const lonelyStatus = new ConsumerStatus();
    const lonelyApp = await startEffectsApp(database.url, {
      ...testKafkaConnection(),
      clientId: 'robust-no-dlq',
      groupId: uniqueName('no-dlq-group'),
      catalog: testCatalog(lonely),
      retry,
      offsetCommit: { intervalMs: 100, threshold: 1 },
      status: lonelyStatus,
    });
    try {
      const poison = testEnvelope('no-dlq', { seq: 10, failTimes: 99 });
      const next = testEnvelope('no-dlq', { seq: 11 });
      await sendRaw(producer, lonely, [{ key: 'no-dlq', value: poison }, { key: 'no-dlq', value: next }]);

      await waitFor('the next message handled', async () => (await effectsOf(next.id)).length === 1, { timeoutMs: 90_000 });
      expect(lonelyStatus.snapshot()).toMatchObject({ deadLettered: 0, deadLetterFailures: 1, lastDeadLetterFailure: { topic: lonely, partition: 0, offset: '0', stage: 'publish' } });
    } finally {
      await lonelyApp.close();
    }
  }, 120_000);

  it('re-drives a dead-lettered message: the fixed handler applies it once', async () => {
    await dataSource.query(`INSERT INTO failure_flags (name) VALUES ('broken')`);
    const event = testEnvelope('redrive', { seq: 12, failWhileFlagged: true });
    await sendRaw(producer, topic, [{ key: 'redrive', value: event }]);
    await waitFor('the event dead-lettered', async () => {
      const rows = await dataSource.query('SELECT outcome FROM inbox WHERE event_id = $1', [event.id]);
      return rows[0]?.outcome === 'dead-lettered';
    });
    await dataSource.query('DELETE FROM failure_flags');

    expect(await redrive('--topic', topic, '--event-id', event.id)).toMatch(new RegExp(`re-drove ${topic}/0@\\d+ \\(event ${event.id}\\)\\n1 message\\(s\\) re-driven`));
    await handled(event.id);

    // Once more, by its place: now the inbox knows it as handled and drops it.
    const [letter] = await waitFor('the dead letter collected', () => lettersOf(event.id).length > 0 && lettersOf(event.id));
    const offset = String(letter.headers?.[DEAD_LETTER_HEADERS.originalOffset]);
    expect(await redrive('--topic', topic, '--partition', '0', '--offset', offset)).toContain('1 message(s) re-driven');
    const marker = testEnvelope('redrive', { seq: 13 });
    await sendRaw(producer, topic, [{ key: 'redrive', value: marker }]);
    await handled(marker.id);
    expect(await effectsOf(event.id)).toHaveLength(1);
    expect(await dataSource.query('SELECT outcome FROM inbox WHERE event_id = $1', [event.id])).toEqual([{ outcome: 'handled' }]);
  }, 60_000);
});
