import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventCatalog, EventEnvelope } from '@sinergi/contracts';
import { publishDeadLetter } from './dead-letter';
import { EventValidator } from './event-validator';
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
  retry?: RetryPolicy;
  offsetCommit?: OffsetCommitPolicy;
  sessionTimeoutMs?: number;
  /** Partitions handled at the same time; order within a partition (and so per key) is kept. */
  partitionsConsumedConcurrently?: number;
}

type Outcome = 'handled' | 'duplicate';

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
  protected override readonly logger = new Logger(KafkaInboxTransport.name);
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly options: KafkaInboxTransportOptions) {
    super();
    this.kafka = new Kafka(kafkaClientConfig(options, options.clientId, { logLevel: logLevel.WARN }));
    const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
    this.consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.floor(sessionTimeout / 10),
      allowAutoTopicCreation: false,
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.validator = new EventValidator(options.catalog);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
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
    if (!decoded.valid) {
      await this.deadLetter(payload, `schema: ${decoded.reason}`, 0);
    } else {
      const handler = this.getHandlerByPattern(decoded.envelope.type);
      if (handler) await this.handleWithRetries(payload, decoded.envelope, handler);
    }
    await this.committer.markHandled(topic, partition, message.offset);
  }

  private async handleWithRetries(payload: EachMessagePayload, envelope: EventEnvelope, handler: MessageHandler): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.handleOnce(payload, envelope, handler, attempt);
        if (outcome === 'duplicate') this.logger.debug?.(`dropped duplicate event ${envelope.id}`);
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= this.retry.maxAttempts) {
          await this.deadLetter(payload, reason, attempt, envelope);
          return;
        }
        this.logger.warn(`${envelope.type} ${envelope.id} failed (attempt ${attempt}/${this.retry.maxAttempts}): ${reason}`);
        await this.waitKeepingMembership(backoffMs(this.retry, attempt), payload.heartbeat);
      }
    }
  }

  private handleOnce(payload: EachMessagePayload, envelope: EventEnvelope, handler: MessageHandler, attempt: number): Promise<Outcome> {
    const { topic, partition, message } = payload;
    return this.options.dataSource.transaction(async (manager) => {
      const firstTime = await this.recordInInbox(manager, envelope, payload, 'handled');
      if (!firstTime) return 'duplicate';
      const context = new InboxContext(manager, envelope, topic, partition, message.offset, attempt, payload.heartbeat);
      const trace = { correlationId: envelope.correlationid, causationId: envelope.id, traceparent: childTraceparent(envelope.traceparent) };
      await runInTraceContext(trace, async () => {
        await lastValueFrom(this.transformToObservable(await handler(envelope.data, context)), { defaultValue: undefined });
      });
      return 'handled';
    });
  }

  private async deadLetter(payload: EachMessagePayload, error: string, attempts: number, envelope?: EventEnvelope): Promise<void> {
    await publishDeadLetter(this.producer, { ...payload, consumerGroup: this.options.groupId, attempts, error });
    this.logger.error(`parked ${payload.topic}/${payload.partition}@${payload.message.offset} on the dead-letter topic: ${error}`);
    if (envelope) {
      await this.options.dataSource.transaction((manager) => this.recordInInbox(manager, envelope, payload, 'dead-lettered'));
    }
  }

  private async recordInInbox(
    manager: DataSource['manager'],
    envelope: EventEnvelope,
    { topic, partition, message }: EachMessagePayload,
    outcome: 'handled' | 'dead-lettered',
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.options.groupId, envelope.id, envelope.type, topic, partition, message.offset, outcome],
    );
    return inserted.length === 1;
  }

  private async waitKeepingMembership(totalMs: number, heartbeat: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + totalMs;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, deadline - Date.now())));
      await heartbeat();
    }
  }
}
