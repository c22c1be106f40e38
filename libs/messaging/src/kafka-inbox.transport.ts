import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventCatalog, EventEnvelope } from '@sinergi/contracts';
import { ConsumerStatus } from './consumer-status';
import { ParkedLetter, publishDeadLetter } from './dead-letter';
import { recordDeadLetter } from './dead-letter-records';
import { EventValidator } from './event-validator';
import { failureKindOf } from './failure-kind';
import { InboxContext } from './inbox-context';
import { kafkaClientConfig, KafkaConnection } from './kafka-connection';
import { OffsetCommitPolicy, OffsetCommitter } from './offset-committer';
import { backoffMs, DEFAULT_RETRY_POLICY, RetryPolicy } from './retry-policy';
import { childTraceparent, runInTraceContext } from './trace-context';

export interface KafkaInboxTransportOptions extends KafkaConnection {
  clientId: string;
  groupId: string;
  dataSource: DataSource;
  catalog: EventCatalog;
  retry?: Partial<RetryPolicy>;
  offsetCommit?: OffsetCommitPolicy;
  /** Counters for `/health`; the service's own when it has one. */
  status?: ConsumerStatus;
  sessionTimeoutMs?: number;
  /** Partitions handled at the same time; order within a partition (and so per key) is kept. */
  partitionsConsumedConcurrently?: number;
}

type Outcome = 'handled' | 'duplicate';

/** Stop retrying: the transport is closing and the message is left uncommitted for the partition's next owner. */
class Abandoned extends Error {}

/**
 * A Nest microservice transport for @OnEvent (@EventPattern) handlers keyed by CloudEvents type.
 * Each message is handled in one database transaction together with its inbox record;
 * its offset is committed only after that transaction. Failures are retried with backoff,
 * then parked on the topic's dead-letter companion so the partition keeps moving.
 */
export class KafkaInboxTransport extends Server implements CustomTransportStrategy {
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly validator: EventValidator;
  private readonly retry: RetryPolicy;
  private readonly committer: OffsetCommitter;
  private readonly heartbeatIntervalMs: number;
  readonly consumerStatus: ConsumerStatus;
  protected override readonly logger = new Logger(KafkaInboxTransport.name);
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly options: KafkaInboxTransportOptions) {
    super();
    this.kafka = new Kafka(kafkaClientConfig(options, options.clientId, { logLevel: logLevel.WARN }));
    const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
    this.heartbeatIntervalMs = Math.floor(sessionTimeout / 10);
    this.consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval: this.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.validator = new EventValidator(options.catalog, 'consume');
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.consumerStatus = options.status ?? new ConsumerStatus();
    this.committer = new OffsetCommitter(
      this.consumer,
      options.offsetCommit ?? { intervalMs: 1_000, threshold: 100 },
      (error) => this.logger.warn(`offset commit failed, the inbox will drop redelivered messages: ${error.message}`),
    );
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = this.subscribedTopics();
      await this.producer.connect();
      await this.consumer.connect();
      await this.consumer.subscribe({ topics, fromBeginning: true });
      this.committer.start();
      await this.consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachMessage: (payload) => this.track(this.handleMessage(payload)),
      });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops taking messages, lets the one in hand finish, commits offsets; database pools close after this. */
  async close(): Promise<void> {
    this.closing = true;
    this.consumer.pause(this.subscribedTopics().map((topic) => ({ topic })));
    await Promise.all(this.inFlight);
    await this.committer.stop();
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  on(): never {
    throw new Error('KafkaInboxTransport has no status events; use GET /health');
  }

  unwrap<T>(): T {
    return { consumer: this.consumer, producer: this.producer } as T;
  }

  private subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const type of this.messageHandlers.keys()) {
      const definition = this.options.catalog.get(type);
      if (!definition) throw new Error(`@EventPattern('${type}') names no event type in the catalog`);
      topics.add(definition.topic);
    }
    return [...topics];
  }

  private track(work: Promise<void>): Promise<void> {
    const settled = work.catch(() => undefined).finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
    return work;
  }

  private async handleMessage(payload: EachMessagePayload): Promise<void> {
    // Left uncommitted: whoever owns the partition next handles it.
    if (this.closing) return;
    const { topic, partition, message } = payload;
    const decoded = this.validator.decode(message.value);
    try {
      if ('unknownType' in decoded) {
        this.consumerStatus.skippedUnknownType();
        this.logger.warn(`skipped ${topic}/${partition}@${message.offset}: event type ${decoded.unknownType} is not in this service's catalogue`);
      } else if (!decoded.valid) {
        await this.deadLetter(payload, `schema: ${decoded.reason}`, 0);
      } else {
        const handler = this.getHandlerByPattern(decoded.envelope.type);
        if (handler) await this.handleWithRetries(payload, decoded.envelope, handler);
      }
    } catch (error) {
      if (error instanceof Abandoned) return;
      throw error;
    }
    await this.committer.markHandled(topic, partition, message.offset);
  }

  /** Bugs and bad data are tried `maxAttempts` times, then dead-lettered; transient trouble is waited out, however long. */
  private async handleWithRetries(payload: EachMessagePayload, envelope: EventEnvelope, handler: MessageHandler): Promise<void> {
    const failures = { permanent: 0, transient: 0 };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.handleOnce(payload, envelope, handler, attempt);
        if (outcome === 'duplicate') this.logger.debug?.(`dropped duplicate event ${envelope.id}`);
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const kind = failureKindOf(error);
        failures[kind] += 1;
        if (kind === 'permanent' && failures.permanent >= this.retry.maxAttempts) {
          await this.deadLetter(payload, reason, attempt, envelope);
          return;
        }
        if (kind === 'transient') this.consumerStatus.retriedTransient();
        const tries = kind === 'permanent' ? `${failures.permanent}/${this.retry.maxAttempts}` : `transient, ${failures.transient}`;
        this.logger.warn(`${envelope.type} ${envelope.id} failed (attempt ${attempt}, ${tries}): ${reason}`);
        await this.waitKeepingMembership(backoffMs(this.retry, failures[kind], kind), payload.heartbeat);
        if (this.closing) throw new Abandoned();
      }
    }
  }

  private handleOnce(payload: EachMessagePayload, envelope: EventEnvelope, handler: MessageHandler, attempt: number): Promise<Outcome> {
    const { topic, partition, message } = payload;
    return this.options.dataSource.transaction(async (manager) => {
      const firstTime = await this.claimInInbox(manager, envelope, payload);
      if (!firstTime) return 'duplicate';
      const context = new InboxContext(manager, envelope, topic, partition, message.offset, attempt, payload.heartbeat);
      const trace = { correlationId: envelope.correlationid, causationId: envelope.id, traceparent: childTraceparent(envelope.traceparent) };
      await runInTraceContext(trace, async () => {
        await lastValueFrom(this.transformToObservable(await handler(envelope.data, context)), { defaultValue: undefined });
      });
      return 'handled';
    });
  }

  /**
   * Parks the message, once per attempt cycle, and never throws: when parking or its bookkeeping fails, the failure
   * is logged and counted for `/health` and the partition moves on (a message that could not be parked stays at its
   * place on its topic, which the log and `/health` name).
   */
  private async deadLetter(payload: EachMessagePayload, error: string, attempts: number, envelope?: EventEnvelope): Promise<void> {
    const place = { topic: payload.topic, partition: payload.partition, offset: payload.message.offset };
    const where = `${place.topic}/${place.partition}@${place.offset}`;
    let parked: ParkedLetter;
    try {
      // The producer retries a missing or leaderless topic for a while: stay in the group meanwhile.
      parked = await this.keepingMembership(payload.heartbeat, () => publishDeadLetter(this.producer, { ...payload, consumerGroup: this.options.groupId, attempts, error }));
    } catch (publishError) {
      const reason = (publishError as Error).message;
      this.consumerStatus.deadLetterFailed(place, 'publish', reason);
      this.logger.error(`could not park ${where} on the dead-letter topic (${reason}); moving on; the message stays at that place on its topic. It failed with: ${error}`);
      return;
    }
    this.consumerStatus.deadLettered();
    this.logger.error(`parked ${where} on the dead-letter topic: ${error}`);
    await this.bookkeep(place, where, 'record it in dead_letters', () =>
      recordDeadLetter(this.options.dataSource.manager, { ...place, consumerGroup: this.options.groupId, envelope, reason: error, attempts, parked, value: payload.message.value }),
    );
    if (!envelope) return;
    await this.bookkeep(place, where, 'record it in the inbox', () =>
      this.options.dataSource.query(
        `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, 'dead-lettered') ON CONFLICT DO NOTHING`,
        [this.options.groupId, envelope.id, envelope.type, place.topic, place.partition, place.offset],
      ),
    );
  }

  /** Bookkeeping of a parked message: a failure is logged and counted for `/health`, never thrown. */
  private async bookkeep(place: { topic: string; partition: number; offset: string }, where: string, what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (bookkeepingError) {
      const reason = (bookkeepingError as Error).message;
      this.consumerStatus.deadLetterFailed(place, 'bookkeeping', reason);
      this.logger.error(`parked ${where}, but could not ${what} (${reason}); moving on`);
    }
  }

  /**
   * Whether this group handles the event now: a first delivery, or a dead-lettered one coming back (re-driven).
   * A handled event is a duplicate.
   */
  private async claimInInbox(manager: DataSource['manager'], envelope: EventEnvelope, { topic, partition, message }: EachMessagePayload): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, 'handled')
       ON CONFLICT (consumer_group, event_id) DO UPDATE
         SET outcome = 'handled', topic = EXCLUDED.topic, kafka_partition = EXCLUDED.kafka_partition,
             kafka_offset = EXCLUDED.kafka_offset, handled_at = now()
         WHERE inbox.outcome = 'dead-lettered'
       RETURNING event_id`,
      [this.options.groupId, envelope.id, envelope.type, topic, partition, message.offset],
    );
    return claimed.length === 1;
  }

  private async keepingMembership<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const beating = setInterval(() => void heartbeat().catch(() => undefined), this.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(beating);
    }
  }

  private async waitKeepingMembership(totalMs: number, heartbeat: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + totalMs;
    while (Date.now() < deadline && !this.closing) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, deadline - Date.now())));
      await heartbeat();
    }
  }
}
