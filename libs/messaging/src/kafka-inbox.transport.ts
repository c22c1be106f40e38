import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventCatalog, EventEnvelope } from '@sinergi/contracts';
import { ConsumerStatus } from './consumer-status';
import { ParkedLetter, publishDeadLetter } from './dead-letter';
import { recordDeadLetter } from './dead-letter-records';
import { EventValidator } from './event-validator';
import { failureKindOf } from './failure-kind';
import { InboxContext } from './inbox-context';
import { handleInOneTransaction, InboxWork } from './inbox-transaction';
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
  /** Consecutive valid messages of a partition handled in one database transaction (default 50). */
  maxMessagesPerTransaction?: number;
}

export const DEFAULT_MAX_MESSAGES_PER_TRANSACTION = 50;

/** A message at its place, with the heartbeat of the batch it came in. */
interface ConsumedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat: () => Promise<void>;
}

/** A valid message this service has a handler for. */
interface Consumed extends ConsumedMessage {
  envelope: EventEnvelope;
  handler: MessageHandler;
}

/** Messages up to `last` (`size` of them): the `run` to handle, the others skipped. */
interface RunStep {
  run: Consumed[];
  size: number;
  last: KafkaMessage;
}

/** One invalid message, parked at once. */
interface InvalidStep {
  invalid: ConsumedMessage;
  reason: string;
  size: 1;
  last: KafkaMessage;
}

type Step = RunStep | InvalidStep;

/** Stop retrying: the transport is closing and the message is left uncommitted for the partition's next owner. */
class Abandoned extends Error {}

/**
 * A Nest microservice transport for @OnEvent (@EventPattern) handlers keyed by CloudEvents type.
 * Consecutive messages of a partition are handled in one database transaction together with their inbox records;
 * their offsets are committed only after that transaction. When it fails, the messages are handled one by one:
 * failures are retried with backoff, then parked on the topic's dead-letter companion so the partition keeps moving.
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
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.track(this.handleBatch(payload)),
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

  /**
   * Walks a partition's batch in steps: a run of valid messages in one transaction (or one by one when that fails),
   * or one invalid message to park. Each step's offsets are resolved and marked for commit once its effects committed;
   * between steps the transport heartbeats and stops when it is closing or the batch went stale (left unresolved and
   * uncommitted: whoever owns the partition next handles the rest).
   */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const done = async (offset: string, count: number) => {
      resolveOffset(offset);
      await this.committer.markHandled(topic, partition, offset, count);
    };
    try {
      for (const step of this.stepsOf(batch, heartbeat)) {
        if (this.closing || !isRunning() || isStale()) return;
        let marked = 0;
        if ('run' in step) marked = await this.handleRun(step.run, done);
        else await this.deadLetter(step.invalid, step.reason, 0);
        await done(step.last.offset, step.size - marked);
        await heartbeat();
      }
    } catch (error) {
      if (error instanceof Abandoned) return;
      throw error;
    }
  }

  /**
   * The batch's steps, decoded as they are reached: runs of up to `maxMessagesPerTransaction` valid messages with a
   * handler (skipped ones, an unknown event type or one without a handler here, ride along), each invalid message alone.
   */
  private *stepsOf(batch: Batch, heartbeat: () => Promise<void>): Generator<Step> {
    const maxRun = this.options.maxMessagesPerTransaction ?? DEFAULT_MAX_MESSAGES_PER_TRANSACTION;
    let pending: RunStep = { run: [], size: 0, last: batch.messages[0] };
    for (const message of batch.messages) {
      const consumed = { topic: batch.topic, partition: batch.partition, message, heartbeat };
      const decoded = this.validator.decode(message.value);
      if ('unknownType' in decoded) {
        this.consumerStatus.skippedUnknownType();
        this.logger.warn(`skipped ${batch.topic}/${batch.partition}@${message.offset}: event type ${decoded.unknownType} is not in this service's catalogue`);
      } else if (!decoded.valid) {
        if (pending.size > 0) yield pending;
        yield { invalid: consumed, reason: `schema: ${decoded.reason}`, last: message, size: 1 };
        pending = { run: [], size: 0, last: message };
        continue;
      } else {
        const handler = this.getHandlerByPattern(decoded.envelope.type);
        if (handler) pending.run.push({ ...consumed, envelope: decoded.envelope, handler });
      }
      pending.size += 1;
      pending.last = message;
      if (pending.run.length === maxRun) {
        yield pending;
        pending = { run: [], size: 0, last: message };
      }
    }
    if (pending.size > 0) yield pending;
  }

  /**
   * A run in one transaction; when that fails, its messages one by one as a lone message is handled, so that a
   * poison message only affects itself. The failed run costs no message an attempt and is not waited on.
   * Returns how many messages it marked handled itself (one by one).
   */
  private async handleRun(run: Consumed[], done: (offset: string, count: number) => Promise<void>): Promise<number> {
    if (run.length > 1) {
      try {
        const duplicates = await handleInOneTransaction(this.options.dataSource, this.options.groupId, run.map((consumed) => this.inboxWork(consumed, 1)));
        if (duplicates > 0) this.logger.debug?.(`dropped ${duplicates} duplicate event(s) in a run of ${run.length}`);
        return 0;
      } catch (error) {
        const kind = failureKindOf(error);
        if (kind === 'transient') this.consumerStatus.retriedTransient();
        const { topic, partition, message } = run[0];
        this.logger.warn(`a run of ${run.length} messages from ${topic}/${partition}@${message.offset} rolled back (${kind}: ${errorMessageOf(error)}); handling them one by one`);
      }
    }
    for (const consumed of run) {
      await this.handleWithRetries(consumed);
      await done(consumed.message.offset, 1);
    }
    return run.length;
  }

  /** Bugs and bad data are tried `maxAttempts` times, then dead-lettered; transient trouble is waited out, however long. */
  private async handleWithRetries(consumed: Consumed): Promise<void> {
    const { envelope } = consumed;
    const failures = { permanent: 0, transient: 0 };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const duplicates = await handleInOneTransaction(this.options.dataSource, this.options.groupId, [this.inboxWork(consumed, attempt)]);
        if (duplicates > 0) this.logger.debug?.(`dropped duplicate event ${envelope.id}`);
        return;
      } catch (error) {
        const reason = errorMessageOf(error);
        const kind = failureKindOf(error);
        failures[kind] += 1;
        if (kind === 'permanent' && failures.permanent >= this.retry.maxAttempts) {
          await this.deadLetter(consumed, reason, attempt, envelope);
          return;
        }
        if (kind === 'transient') this.consumerStatus.retriedTransient();
        const tries = kind === 'permanent' ? `${failures.permanent}/${this.retry.maxAttempts}` : `transient, ${failures.transient}`;
        this.logger.warn(`${envelope.type} ${envelope.id} failed (attempt ${attempt}, ${tries}): ${reason}`);
        await this.waitKeepingMembership(backoffMs(this.retry, failures[kind], kind), consumed.heartbeat);
        if (this.closing) throw new Abandoned();
      }
    }
  }

  private inboxWork(consumed: Consumed, attempt: number): InboxWork {
    const { topic, partition, message, envelope, handler, heartbeat } = consumed;
    return {
      claim: { eventId: envelope.id, eventType: envelope.type, topic, partition, offset: message.offset },
      handle: async (manager) => {
        const context = new InboxContext(manager, envelope, topic, partition, message.offset, attempt, heartbeat);
        const trace = { correlationId: envelope.correlationid, causationId: envelope.id, traceparent: childTraceparent(envelope.traceparent) };
        await runInTraceContext(trace, async () => {
          await lastValueFrom(this.transformToObservable(await handler(envelope.data, context)), { defaultValue: undefined });
        });
      },
    };
  }

  /**
   * Parks the message, once per attempt cycle, and never throws: when parking or its bookkeeping fails, the failure
   * is logged and counted for `/health` and the partition moves on (a message that could not be parked stays at its
   * place on its topic, which the log and `/health` name).
   */
  private async deadLetter(consumed: ConsumedMessage, error: string, attempts: number, envelope?: EventEnvelope): Promise<void> {
    const place = { topic: consumed.topic, partition: consumed.partition, offset: consumed.message.offset };
    const where = `${place.topic}/${place.partition}@${place.offset}`;
    let parked: ParkedLetter;
    try {
      // The producer retries a missing or leaderless topic for a while: stay in the group meanwhile.
      parked = await this.keepingMembership(consumed.heartbeat, () => publishDeadLetter(this.producer, { ...consumed, consumerGroup: this.options.groupId, attempts, error }));
    } catch (publishError) {
      const reason = (publishError as Error).message;
      this.consumerStatus.deadLetterFailed(place, 'publish', reason);
      this.logger.error(`could not park ${where} on the dead-letter topic (${reason}); moving on; the message stays at that place on its topic. It failed with: ${error}`);
      return;
    }
    this.consumerStatus.deadLettered();
    this.logger.error(`parked ${where} on the dead-letter topic: ${error}`);
    await this.bookkeep(place, where, 'record it in dead_letters', () =>
      recordDeadLetter(this.options.dataSource.manager, { ...place, consumerGroup: this.options.groupId, envelope, reason: error, attempts, parked, value: consumed.message.value }),
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

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
