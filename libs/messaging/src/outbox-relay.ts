import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Message, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE, EventEnvelope } from '@sinergi/contracts';
import { keyOf, parkedKeysAmong, parkRows, refusalOf } from './outbox-parking';
import { kafkaClientConfig, KafkaConnection } from './kafka-connection';
import { PgListener } from './pg-listener';

export interface OutboxRelayOptions extends KafkaConnection {
  clientId: string;
  dataSource: DataSource;
  /** Connection string of the same database, for the LISTEN connection that wakes the relay on commit. */
  databaseUrl: string;
  batchSize?: number;
  /** Safety net for a missed notification (e.g. the LISTEN connection dropped). */
  pollIntervalMs?: number;
}

interface OutboxRow {
  position: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope;
}

/** The relay's advisory lock, keyed by its name as the platform's ADVISORY_LOCKS are (messaging cannot import platform). */
const RELAY_LOCK = 'messaging:outbox-relay';
const RETRY_AFTER_FAILURE_MS = 1_000;

/**
 * Publishes outbox rows to Kafka in commit order per key, then deletes them.
 * One instance publishes at a time (a transaction-scoped advisory lock), so several
 * instances are safe and order is kept; a crash between publish and delete
 * republishes the batch, which consumers' inboxes drop as duplicates. A row Kafka refuses for good is
 * parked in outbox_parked instead of blocking every later event (see publish).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly producer: Producer;
  private readonly listener: PgListener;
  private pollTimer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private drainAgain = false;

  constructor(private readonly options: OutboxRelayOptions) {
    const kafka = new Kafka(kafkaClientConfig(options, `${options.clientId}-relay`, { logLevel: logLevel.WARN }));
    // The Java client's partitioner, so that ministries' producers and ours put a key on the same partition.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.listener = new PgListener({ databaseUrl: options.databaseUrl, channel: 'outbox', onNotify: () => this.wake() });
  }

  async start(): Promise<void> {
    this.running = true;
    await this.producer.connect();
    await this.listener.start();
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 2_000);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.pollTimer);
    await this.draining;
    await this.listener.stop();
    await this.producer.disconnect();
  }

  /** Drains the outbox; calls made while a drain runs make it go round once more. */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    do {
      this.drainAgain = false;
      try {
        while (this.running && (await this.publishBatch(batchSize)) === batchSize);
      } catch (error) {
        this.logger.error(`publishing the outbox failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
        this.drainAgain = true;
      }
    } while (this.running && this.drainAgain);
  }

  /** Returns how many rows were handled (published or parked): 0 when empty or another instance holds the lock. */
  private publishBatch(batchSize: number): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      if (!(await this.tryLock(manager))) return 0;
      const rows: OutboxRow[] = await manager.query(
        'SELECT position, event_id, topic, message_key, envelope FROM outbox ORDER BY position LIMIT $1',
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await this.publish(manager, rows);
      return rows.length;
    });
  }

  /**
   * Publishes the rows in order and deletes them. When Kafka refuses the batch for good, the rows go one at a
   * time: a refused row is parked with the reason, and so is every later row of its topic and key (now or in
   * later batches, until an operator moves them back), so nothing overtakes it; other keys go on in order.
   */
  private async publish(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    const parkedKeys = await parkedKeysAmong(manager, rows);
    const held = rows.filter((row) => parkedKeys.has(keyOf(row)));
    const free = rows.filter((row) => !parkedKeys.has(keyOf(row)));
    try {
      await this.send(free);
    } catch (error) {
      if (!refusalOf(error)) throw error;
      await this.publishOneByOne(manager, rows, parkedKeys);
      return;
    }
    await this.parkBehind(manager, held);
    await deleteRows(manager, free);
  }

  private async publishOneByOne(manager: EntityManager, rows: OutboxRow[], parkedKeys: Set<string>): Promise<void> {
    const published: OutboxRow[] = [];
    for (const row of rows) {
      if (parkedKeys.has(keyOf(row))) {
        await this.parkBehind(manager, [row]);
        continue;
      }
      try {
        await this.send([row]);
        published.push(row);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        await parkRows(manager, [row], `${refusal}: ${(error as Error).message}`);
        parkedKeys.add(keyOf(row));
        this.logger.error(`Kafka refused outbox event ${row.event_id} for ${row.topic} (${refusal}); parked it in outbox_parked`);
      }
    }
    await deleteRows(manager, published);
  }

  private async parkBehind(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await parkRows(manager, rows, 'held behind a parked event of the same topic and key');
    this.logger.warn(`parked ${rows.length} outbox event(s) behind a parked event of their key`);
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    if (rows.length > 0) await this.producer.sendBatch({ topicMessages: toTopicMessages(rows), acks: -1 });
  }

  private async tryLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [RELAY_LOCK]);
    return locked;
  }
}

async function deleteRows(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
  if (rows.length > 0) await manager.query('DELETE FROM outbox WHERE position = ANY($1::bigint[])', [rows.map((row) => row.position)]);
}

function toTopicMessages(rows: OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.envelope),
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
