import { CloudEvent, Kafka as KafkaBinding, KafkaMessage } from 'cloudevents';
import { DataSource } from 'typeorm';
import { createTestTopics, TestDatabase, testKafkaConnection, TopicCollector, uniqueName, waitFor } from '@sinergi/testing';
import { EventEnvelope } from '@sinergi/contracts';
import { Outbox, OutboxRelay, parkedSummary } from '../src';
import { createMessagingDatabase } from './fixtures/messaging-database';
import { TEST_EVENT_TYPE, testCatalog, testThingHappenedEvent } from './fixtures/test-events';

describe('outbox and relay (real Kafka, real PostgreSQL)', () => {
  const topic = uniqueName('test.outbox');
  const outbox = new Outbox(testCatalog(topic), '/sinergi/test');
  let database: TestDatabase;
  let dataSource: DataSource;
  let collector: TopicCollector;
  const relays: OutboxRelay[] = [];

  function startRelay(overrides: { pollIntervalMs?: number; batchSize?: number } = {}): Promise<OutboxRelay> {
    const relay = new OutboxRelay({ ...testKafkaConnection(), clientId: 'test', dataSource, databaseUrl: database.url, ...overrides });
    relays.push(relay);
    return relay.start().then(() => relay);
  }

  function envelopesOnTopic(): EventEnvelope<{ seq: number }>[] {
    return collector.valuesOf(topic) as EventEnvelope<{ seq: number }>[];
  }

  function appendInOwnTransaction(subject: string, seq: number): Promise<unknown> {
    return dataSource.transaction((manager) => outbox.append(manager, testThingHappenedEvent.with(subject, { seq })));
  }

  beforeAll(async () => {
    await createTestTopics([topic], 3);
    ({ database, dataSource } = await createMessagingDatabase('outbox'));
    collector = await TopicCollector.start([topic]);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    await collector.stop();
    await dataSource.destroy();
    await database.drop();
  });

  it('publishes an event only when its transaction commits', async () => {
    await startRelay();
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.append(manager, testThingHappenedEvent.with('rolled-back', { seq: 1 }));
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    await appendInOwnTransaction('committed', 2);

    await waitFor('the committed event on the topic', () => envelopesOnTopic().some((event) => event.subject === 'committed'));
    await waitFor('an empty outbox', async () => (await dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n === 0);
    expect(envelopesOnTopic().filter((event) => event.subject === 'rolled-back')).toHaveLength(0);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(outbox.append(dataSource.manager, testThingHappenedEvent.with('x', { seq: 1 }))).rejects.toThrow(/inside the transaction/);
  });

  it('appends events with a state change in one statement, only when the change touched a row', async () => {
    await dataSource.query('CREATE TABLE IF NOT EXISTS things (id text PRIMARY KEY, state text NOT NULL)');
    await dataSource.query(`INSERT INTO things (id, state) VALUES ('thing-1', 'new')`);
    const settle = (id: string, seq: number) =>
      outbox.appendIfChanged(
        dataSource.manager,
        { sql: `UPDATE things SET state = 'settled' WHERE id = $1 AND state = 'new' RETURNING id`, parameters: [id] },
        testThingHappenedEvent.with(id, { seq }),
        testThingHappenedEvent.with(id, { seq: seq + 1 }),
      );
    await expect(settle('thing-1', 1)).resolves.toBe(true);
    await expect(settle('thing-1', 3)).resolves.toBe(false); // settled already: no row changed, no event
    await expect(settle('no-such-thing', 5)).resolves.toBe(false);
    const rows = await dataSource.query<Array<{ seq: number }>>(
      `SELECT (envelope->'data'->>'seq')::int AS seq FROM outbox WHERE message_key = ANY($1) ORDER BY position`,
      [['thing-1', 'no-such-thing']],
    );
    expect(rows.map((row) => row.seq)).toEqual([1, 2]);
    expect((await dataSource.query(`SELECT state FROM things WHERE id = 'thing-1'`))[0].state).toBe('settled');
    await expect(outbox.appendIfChanged(dataSource.manager, { sql: 'SELECT 1', parameters: [] })).rejects.toThrow(/1 to 5000 events/);
  });

  it('takes the data-modifying WITH queries a change needs before it', async () => {
    await dataSource.query('CREATE TABLE IF NOT EXISTS thing_log (thing_id text NOT NULL)');
    const created = await outbox.appendIfChanged(
      dataSource.manager,
      {
        with: `made AS (INSERT INTO things (id, state) VALUES ($1, 'new') ON CONFLICT DO NOTHING RETURNING id)`,
        sql: 'INSERT INTO thing_log (thing_id) SELECT id FROM made RETURNING thing_id',
        parameters: ['thing-2'],
      },
      testThingHappenedEvent.with('thing-2', { seq: 7 }),
    );
    expect(created).toBe(true);
    expect(await dataSource.query(`SELECT thing_id FROM thing_log`)).toEqual([{ thing_id: 'thing-2' }]);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = 'thing-2'`))[0].n).toBe(1);
  });

  it('refuses an event that breaks its schema, naming the field', async () => {
    await expect(
      dataSource.transaction((manager) => outbox.append(manager, testThingHappenedEvent.with('x', { seq: -1 }))),
    ).rejects.toThrow(/data\/seq must be >= 0/);
  });

  it('names the schema base URL it is given in each dataschema', async () => {
    const [byDefault] = await dataSource.transaction((manager) =>
      outbox.append(manager, testThingHappenedEvent.with('schema-default', { seq: 1 })),
    );
    const elsewhere = new Outbox(testCatalog(topic), '/sinergi/test', 'http://127.0.0.1:3000/');
    const [configured] = await dataSource.transaction((manager) =>
      elsewhere.append(manager, testThingHappenedEvent.with('schema-base', { seq: 1 })),
    );
    expect(byDefault.dataschema).toBe(`https://sinergi.kemnaker.go.id/schemas/${TEST_EVENT_TYPE}.v1.json`);
    expect(configured.dataschema).toBe(`http://127.0.0.1:3000/schemas/${TEST_EVENT_TYPE}.v1.json`);
  });

  it('wakes on commit rather than waiting for its poll', async () => {
    await startRelay({ pollIntervalMs: 600_000 });
    await new Promise((resolve) => setImmediate(resolve));
    await appendInOwnTransaction('wake-on-commit', 1);
    await waitFor('the event, long before the next poll', () => envelopesOnTopic().some((event) => event.subject === 'wake-on-commit'), {
      timeoutMs: 10_000,
    });
  });

  it('listens again when its LISTEN connection is killed', async () => {
    await startRelay({ pollIntervalMs: 600_000 });
    const listeners = async (): Promise<number[]> =>
      (await dataSource.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN outbox'", [database.name])).map(
        (row: { pid: number }) => row.pid,
      );
    const [first] = await waitFor('the LISTEN connection', async () => {
      const now = await listeners();
      return now.length === 1 && now;
    });
    await dataSource.query('SELECT pg_terminate_backend($1)', [first]);
    await waitFor('a new LISTEN connection', async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== first;
    });

    await appendInOwnTransaction('after-reconnect', 1);
    await waitFor('the event, woken by the new connection', () => envelopesOnTopic().some((event) => event.subject === 'after-reconnect'), {
      timeoutMs: 10_000,
    });
  });

  it('writes CloudEvents that a CloudEvents SDK reads, keyed by subject', async () => {
    await startRelay();
    await appendInOwnTransaction('cloudevents-key', 7);
    const message = await waitFor('the event', () =>
      collector.messages.find((candidate) => candidate.topic === topic && String(candidate.key) === 'cloudevents-key'),
    );
    const kafkaMessage: KafkaMessage<string> = {
      key: String(message.key),
      value: String(message.value),
      body: String(message.value),
      headers: { 'content-type': String(message.headers?.['content-type']) },
      timestamp: message.timestamp,
    };
    const event = KafkaBinding.toEvent(kafkaMessage) as CloudEvent<{ seq: number }>;
    expect(event.type).toBe(TEST_EVENT_TYPE);
    expect(event.subject).toBe('cloudevents-key');
    expect(event.data).toEqual({ seq: 7 });
  });

  it('keeps order per key and publishes each event once with three relays running at once', async () => {
    await Promise.all([startRelay({ batchSize: 25 }), startRelay({ batchSize: 25 }), startRelay({ batchSize: 25 })]);
    const keys = ['order-a', 'order-b', 'order-c', 'order-d'];
    const perKey = 60;
    await Promise.all(
      keys.map(async (key) => {
        for (let seq = 0; seq < perKey; seq += 1) await appendInOwnTransaction(key, seq);
      }),
    );

    const ofKey = (key: string) => envelopesOnTopic().filter((event) => event.subject === key);
    await waitFor('every ordered event', () => keys.every((key) => ofKey(key).length >= perKey));
    for (const key of keys) {
      expect(ofKey(key).map((event) => event.data.seq)).toEqual([...Array(perKey).keys()]);
    }
  });

  it('parks a row Kafka refuses for good, and the rows behind it on its key, while other keys go on in order', async () => {
    const missingTopic = uniqueName('test.never-created');
    const toMissingTopic = new Outbox(testCatalog(missingTopic), '/sinergi/test');
    const event = (subject: string, seq: number) => testThingHappenedEvent.with(subject, { seq });
    await startRelay();
    await dataSource.transaction(async (manager) => {
      await outbox.append(manager, event('good-a', 0));
      await toMissingTopic.append(manager, event('to-missing-topic', 0));
      await outbox.append(manager, event('good-b', 0));
      const [tooLarge] = await outbox.append(manager, event('too-large', 0));
      // Over the broker's message.max.bytes (1 MiB by default).
      await manager.query(
        "UPDATE outbox SET envelope = jsonb_set(envelope, '{padding}', to_jsonb(repeat('x', 1200000))) WHERE event_id = $1",
        [tooLarge.id],
      );
      await outbox.append(manager, event('good-a', 1), event('too-large', 1), event('good-b', 1), event('good-a', 2));
    });

    const seqsOf = (key: string) =>
      envelopesOnTopic()
        .filter((envelope) => envelope.subject === key)
        .map((envelope) => envelope.data.seq);
    await waitFor('the good keys published', () => seqsOf('good-a').length === 3 && seqsOf('good-b').length === 2, { timeoutMs: 60_000 });
    expect(seqsOf('good-a')).toEqual([0, 1, 2]);
    expect(seqsOf('good-b')).toEqual([0, 1]);

    const parked = async () =>
      (await dataSource.query(
        "SELECT message_key AS key, envelope->'data'->>'seq' AS seq, reason FROM outbox_parked ORDER BY position",
      )) as Array<{
        key: string;
        seq: string;
        reason: string;
      }>;
    await waitFor('an empty outbox', async () => (await dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n === 0);
    expect(await parked()).toEqual([
      { key: 'to-missing-topic', seq: '0', reason: expect.stringMatching(/^UNKNOWN_TOPIC_OR_PARTITION: /) },
      { key: 'too-large', seq: '0', reason: expect.stringMatching(/^MESSAGE_TOO_LARGE: /) },
      { key: 'too-large', seq: '1', reason: 'held behind a parked event of the same topic and key' },
    ]);

    // A later event of a parked key is held back too; the other keys keep flowing.
    await dataSource.transaction((manager) => outbox.append(manager, event('too-large', 2), event('good-a', 3)));
    await waitFor('the next good event', () => seqsOf('good-a').length === 4);
    await waitFor('the later event of the parked key parked', async () => (await parked()).length === 4);
    expect(seqsOf('too-large')).toEqual([]);
    expect(await parkedSummary((sql) => dataSource.query(sql))).toEqual({
      parked: 4,
      latest: expect.objectContaining({ topic, reason: 'held behind a parked event of the same topic and key' }),
    });
  });

  it('republishes a batch whose rows it failed to mark, and the copies are exact duplicates', async () => {
    // Fails the relay's first DELETE after it has published: the same as a relay killed between publish and mark.
    // A sequence, not a table, remembers that it fired: nextval survives the rollback it causes.
    await dataSource.query(`
      CREATE SEQUENCE relay_fault;
      CREATE FUNCTION fail_first_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('relay_fault') = 1 THEN
          RAISE EXCEPTION 'relay died before marking its batch';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER fail_first_delete BEFORE DELETE ON outbox FOR EACH ROW EXECUTE FUNCTION fail_first_delete();`);
    try {
      await dataSource.transaction((manager) =>
        outbox.append(manager, ...[0, 1, 2].map((seq) => testThingHappenedEvent.with('crash-before-mark', { seq }))),
      );
      await startRelay();
      const copies = () => envelopesOnTopic().filter((event) => event.subject === 'crash-before-mark');
      await waitFor('the batch published twice', () => copies().length === 6);
      const ids = copies().map((event) => event.id);
      expect(new Set(ids).size).toBe(3);
      await waitFor('an empty outbox', async () => (await dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n === 0);
    } finally {
      await dataSource.query('DROP TRIGGER fail_first_delete ON outbox; DROP FUNCTION fail_first_delete(); DROP SEQUENCE relay_fault;');
    }
  });

  describe('appending more events in one transaction than PostgreSQL has bind parameters for four columns each', () => {
    const BULK = 20_000;
    const KEYS = 16;
    const bulkEvents = (prefix: string) =>
      Array.from({ length: BULK }, (_, seq) => testThingHappenedEvent.with(`${prefix}-${seq % KEYS}`, { seq }));
    const outboxIdsLike = async (prefix: string): Promise<string[]> =>
      (await dataSource.query('SELECT event_id FROM outbox WHERE message_key LIKE $1 ORDER BY position', [`${prefix}-%`])).map(
        (row: { event_id: string }) => row.event_id,
      );

    it('keeps them in the order given, and the relay, woken once at commit, publishes each once in order per key', async () => {
      await startRelay({ pollIntervalMs: 600_000, batchSize: 2_000 });
      await new Promise((resolve) => setImmediate(resolve));
      const appended = await dataSource.transaction(async (manager) => {
        const envelopes = await outbox.append(manager, ...bulkEvents('bulk'));
        expect(await manager.query("SELECT count(*)::int AS n FROM outbox WHERE message_key LIKE 'bulk-%'")).toEqual([{ n: BULK }]);
        return envelopes;
      });
      expect(appended.map((envelope) => envelope.data)).toEqual([...Array(BULK).keys()].map((seq) => ({ seq })));

      const published = () => envelopesOnTopic().filter((envelope) => envelope.subject.startsWith('bulk-'));
      await waitFor('every appended event on the topic', () => published().length >= BULK, { timeoutMs: 50_000 });
      expect(published().map((envelope) => envelope.id).sort()).toEqual(appended.map((envelope) => envelope.id).sort());
      for (let key = 0; key < KEYS; key += 1) {
        const seqs = published()
          .filter((envelope) => envelope.subject === `bulk-${key}`)
          .map((envelope) => envelope.data.seq);
        expect(seqs).toEqual([...Array(BULK).keys()].filter((seq) => seq % KEYS === key));
      }
      expect(published().find((envelope) => envelope.id === appended[0].id)).toEqual(appended[0]);
      await waitFor('an empty outbox', async () => (await outboxIdsLike('bulk')).length === 0);
    });

    it('writes the rows in the order given, with the envelopes returned', async () => {
      const appended = await dataSource.transaction((manager) => outbox.append(manager, ...bulkEvents('ordered')));
      try {
        expect(await outboxIdsLike('ordered')).toEqual(appended.map((envelope) => envelope.id));
        const [first, last] = [appended[0], appended[BULK - 1]];
        const stored = await dataSource.query('SELECT topic, message_key, envelope FROM outbox WHERE event_id = ANY($1) ORDER BY position', [
          [first.id, last.id],
        ]);
        expect(stored).toEqual([first, last].map((envelope) => ({ topic, message_key: envelope.subject, envelope })));
      } finally {
        await dataSource.query("DELETE FROM outbox WHERE message_key LIKE 'ordered-%'");
      }
    });

    it('leaves none of them when the transaction rolls back', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await outbox.append(manager, ...bulkEvents('bulk-rolled-back'));
          throw new Error('state change failed');
        }),
      ).rejects.toThrow('state change failed');
      expect(await outboxIdsLike('bulk-rolled-back')).toEqual([]);
    });
  });
});
