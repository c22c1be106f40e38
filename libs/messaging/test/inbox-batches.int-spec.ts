import { INestApplication } from '@nestjs/common';
import { EventEnvelope } from '@sinergi/contracts';
import { testKafkaConnection, uniqueName, waitFor } from '@sinergi/testing';
import { startEffectsApp } from './fixtures/effects-app';
import { sendRaw, testEnvelope } from './fixtures/publish';
import { TestThingHappened, testCatalog } from './fixtures/test-events';
import { FAST_RETRY, TransportTestBed } from './fixtures/transport-test-bed';

/** Consecutive messages of a partition in one transaction, and what still holds message by message. */
describe('inbox transport consuming in batches (real Kafka, real PostgreSQL)', () => {
  const topic = uniqueName('test.batches');
  let bed: TransportTestBed;
  let app: INestApplication | undefined;
  let seq = 0;

  const event = (subject: string, data: Partial<TestThingHappened> = {}) => testEnvelope(subject, { seq: (seq += 1), ...data });
  const send = (subject: string, events: EventEnvelope[]) => sendRaw(bed.producer, topic, events.map((value) => ({ key: subject, value })));
  const effectsOf = async (events: EventEnvelope[]): Promise<Array<{ event_id: string; seq: number; attempt: number }>> =>
    bed.dataSource.query('SELECT event_id, seq, attempt FROM effects WHERE event_id = ANY($1) ORDER BY handled_at', [events.map(({ id }) => id)]);
  const allHandled = (events: EventEnvelope[]) =>
    waitFor(`${events.length} event(s) handled`, async () => new Set((await effectsOf(events)).map((row) => row.event_id)).size === events.length);
  /** The transactions that wrote these events' inbox rows: xmin is the id of the transaction that inserted a row. */
  const transactionsOf = async (events: EventEnvelope[]): Promise<number> => {
    const [{ count }] = await bed.dataSource.query('SELECT count(DISTINCT xmin::text)::int AS count FROM inbox WHERE event_id = ANY($1)', [events.map(({ id }) => id)]);
    return count;
  };
  const lettersOf = (target: EventEnvelope) => bed.deadLetters.messages.filter((message) => JSON.parse(String(message.value)).id === target.id);

  beforeAll(async () => {
    bed = await TransportTestBed.open(topic, 'batches');
    app = await startEffectsApp(bed.database.url, {
      ...testKafkaConnection(),
      clientId: 'batches-test',
      groupId: uniqueName('batches-group'),
      catalog: testCatalog(topic),
      retry: FAST_RETRY,
      offsetCommit: { intervalMs: 100, threshold: 1 },
      maxMessagesPerTransaction: 50,
    });
  });

  afterAll(async () => {
    await app?.close();
    await bed.close();
  });

  it('handles a batch of many events in far fewer transactions than events, in the order of the partition', async () => {
    const events = Array.from({ length: 300 }, () => event('many'));
    await send('many', events);

    await allHandled(events);
    expect(await transactionsOf(events)).toBeLessThanOrEqual(events.length / 10);
    expect((await effectsOf(events)).map((row) => row.seq)).toEqual(events.map(({ data }) => data.seq));
  });

  it('handles an event once when it comes twice in one batch and again in a later one', async () => {
    const [a, b, c] = [event('twice'), event('twice'), event('twice')];
    await send('twice', [a, b, a, c, b, a]);
    await allHandled([a, b, c]);
    const marker = event('twice');
    await send('twice', [c, a, marker]);
    await allHandled([marker]);

    expect((await effectsOf([a, b, c])).map((row) => row.event_id)).toEqual([a.id, b.id, c.id]);
    const inbox = await bed.dataSource.query('SELECT outcome FROM inbox WHERE event_id = ANY($1)', [[a.id, b.id, c.id]]);
    expect(inbox).toEqual([{ outcome: 'handled' }, { outcome: 'handled' }, { outcome: 'handled' }]);
  });

  it('dead-letters a poison message in the middle of a run alone, and commits its neighbours in order', async () => {
    const before = [event('poison'), event('poison')];
    const poison = event('poison', { failTimes: 99 });
    const after = [event('poison'), event('poison')];
    await send('poison', [...before, poison, ...after]);

    await allHandled([...before, ...after]);
    await waitFor('the poison parked', () => lettersOf(poison).length > 0);
    expect(await effectsOf([poison])).toHaveLength(0);
    expect(await bed.dataSource.query('SELECT outcome FROM inbox WHERE event_id = $1', [poison.id])).toEqual([{ outcome: 'dead-lettered' }]);
    expect((await effectsOf([...before, ...after])).map((row) => row.event_id)).toEqual([...before, ...after].map(({ id }) => id));
    expect(lettersOf(poison)).toHaveLength(1);
  });

  it('charges no message an attempt for a run that a transient failure rolled back', async () => {
    const transient = event('transient', { transientFailTimes: 1 });
    // Passes on its last allowed attempt: one attempt charged for the run would dead-letter it.
    const lastChance = event('transient', { failTimes: FAST_RETRY.maxAttempts - 1 });
    const next = event('transient');
    await send('transient', [transient, lastChance, next]);

    await allHandled([transient, lastChance, next]);
    expect(await effectsOf([transient, lastChance, next])).toEqual([
      { event_id: transient.id, seq: transient.data.seq, attempt: 2 },
      { event_id: lastChance.id, seq: lastChance.data.seq, attempt: FAST_RETRY.maxAttempts },
      { event_id: next.id, seq: next.data.seq, attempt: 1 },
    ]);
    expect(lettersOf(lastChance)).toHaveLength(0);
  });
});
