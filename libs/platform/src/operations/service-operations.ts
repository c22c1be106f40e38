import { Inject, Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import {
  allTopicSpecs,
  DeadLetterDetail,
  DeadLetterRedriven,
  DeadLetterSummary,
  FindServiceDeadLettersParams,
  Page,
  ServiceName,
  ServiceOutboxBacklog,
} from '@sinergi/contracts';
import { isRedrivable, kafkaClientConfig, KafkaConnection, redriveDeadLetters } from '@sinergi/messaging';
import { Conflict, InvalidInput, NotFound } from '../errors';
import { decodeCursor, pageLimit, pageOf } from '../pagination';
import { maskPersonalFields, maskPersonalText } from '../personal-data/masking';

/** Who this service is on the broker: its name, how it connects, and its topics' namespace. */
export interface ServiceOperationsContext {
  service: ServiceName;
  kafka: KafkaConnection;
  topicPrefix: string;
  /** The throw-away consumer groups that read the dead-letter topic for a re-drive: `<prefix><uuid>` (the broker's ACLs allow this prefix). */
  redriveGroupPrefix: string;
}
export const SERVICE_OPERATIONS_CONTEXT = Symbol('SERVICE_OPERATIONS_CONTEXT');

/** How much of the error a list shows; the detail has all of it. */
const REASON_SUMMARY_LENGTH = 200;

interface DeadLetterRow {
  id: string;
  consumer_group: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  event_id: string | null;
  event_type: string | null;
  reason: string;
  attempts: number;
  headers: Record<string, string>;
  payload: string | null;
  failed_at: Date;
  redriven_at: Date | null;
}

const SUMMARY_COLUMNS = 'id, topic, event_type, reason, attempts, failed_at, redriven_at';

/** A service's outbox and dead letters, from its own database, for the gateway's Operations page. */
@Injectable()
export class ServiceOperations {
  constructor(
    private readonly db: DataSource,
    @Inject(SERVICE_OPERATIONS_CONTEXT) private readonly context: ServiceOperationsContext,
  ) {}

  async outbox(): Promise<ServiceOutboxBacklog> {
    const [row] = (await this.db.query(
      `SELECT (SELECT count(*) FROM outbox)::int AS pending, (SELECT count(*) FROM outbox_parked)::int AS parked,
              oldest, floor(extract(epoch FROM now() - oldest))::int AS age
         FROM (SELECT min(created_at) AS oldest FROM outbox) AS o`,
    )) as Array<{ pending: number; parked: number; oldest: Date | null; age: number | null }>;
    return {
      pending: row.pending,
      parked: row.parked,
      oldestPendingAt: row.oldest?.toISOString() ?? null,
      oldestPendingAgeSeconds: row.oldest ? Math.max(row.age ?? 0, 0) : null,
    };
  }

  /** Newest first, by (failedAt, id). */
  async deadLetters(params: FindServiceDeadLettersParams): Promise<Page<DeadLetterSummary>> {
    const limit = pageLimit(params);
    const [failedAt, id] = params.cursor ? cursorKey(params.cursor) : [null, null];
    const rows = (await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM dead_letters
        WHERE ($1::text IS NULL OR topic = $1) AND ($2::timestamptz IS NULL OR (failed_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY failed_at DESC, id DESC LIMIT $4`,
      [params.topic ?? null, failedAt, id, limit + 1],
    )) as DeadLetterRow[];
    return pageOf(
      rows,
      limit,
      (row) => [row.failed_at.toISOString(), row.id],
      (row) => this.summaryOf(row),
    );
  }

  async deadLetter(id: string): Promise<DeadLetterDetail> {
    const row = await this.rowOf(this.db.manager, id);
    return {
      ...this.summaryOf(row),
      consumerGroup: row.consumer_group,
      partition: row.kafka_partition,
      offset: String(row.kafka_offset),
      eventId: row.event_id,
      headers: Object.fromEntries(Object.entries(row.headers).map(([name, value]) => [name, maskPersonalText(value)])),
      payload: payloadOf(row.payload),
      reasonDetail: maskPersonalText(row.reason),
    };
  }

  /**
   * Sends the dead letter back to its topic with the re-drive of libs/messaging (as `npm run redrive` does), where this
   * service's consumer group handles it again through its inbox; the row is marked re-driven. Once only: a second
   * re-drive is a Conflict (if the message fails again, that is a new dead letter, re-driven on its own).
   */
  async redrive(id: string): Promise<DeadLetterRedriven> {
    // The row stays locked while the message is sent: two re-drives at once send it once.
    await this.db.transaction(async (manager) => {
      const row = await this.rowOf(manager, id, 'FOR UPDATE');
      if (row.redriven_at) {
        throw new Conflict({
          field: 'id',
          rule: 'not-redriven-yet',
          message: `this dead letter was re-driven at ${row.redriven_at.toISOString()}; if it failed again, that is a new dead letter`,
        });
      }
      const spec = allTopicSpecs(this.context.topicPrefix).find((candidate) => candidate.name === row.topic);
      if (spec && !isRedrivable(spec)) {
        throw new Conflict({
          field: 'id',
          rule: 'redrivable-by-service',
          message: `only its ministry system writes ${row.topic}: re-drive it with npm run redrive under the admin principal`,
        });
      }
      const kafka = new Kafka(kafkaClientConfig(this.context.kafka, `${this.context.service}-redrive`));
      const place = {
        topic: row.topic,
        partition: row.kafka_partition,
        offset: String(row.kafka_offset),
        consumerGroup: row.consumer_group,
      };
      const redriven = await redriveDeadLetters(kafka, place, this.context.redriveGroupPrefix);
      if (redriven.length === 0) {
        throw new Conflict({
          field: 'id',
          rule: 'on-dead-letter-topic',
          message: 'the message is no longer on the dead-letter topic (its retention ran out); it cannot be re-driven',
        });
      }
      await manager.query('UPDATE dead_letters SET redriven_at = now() WHERE id = $1', [id]);
    });
    return { service: this.context.service, id, redriven: true };
  }

  private async rowOf(manager: EntityManager, id: string, lock = ''): Promise<DeadLetterRow> {
    const [row] = (await manager.query(`SELECT * FROM dead_letters WHERE id = $1 ${lock}`, [id])) as DeadLetterRow[];
    if (!row) throw new NotFound({ field: 'id', rule: 'exists', message: `${this.context.service} has no dead letter ${id}` });
    return row;
  }

  private summaryOf(row: DeadLetterRow): DeadLetterSummary {
    return {
      service: this.context.service,
      id: row.id,
      topic: row.topic,
      eventType: row.event_type,
      reason: maskPersonalText(row.reason).slice(0, REASON_SUMMARY_LENGTH),
      failedAt: row.failed_at.toISOString(),
      attempts: row.attempts,
      redrivenAt: row.redriven_at?.toISOString() ?? null,
    };
  }
}

/** The message as JSON with its personal fields masked; text (masked) when it is not JSON. */
function payloadOf(payload: string | null): unknown {
  if (payload === null) return null;
  try {
    return maskPersonalFields(JSON.parse(payload));
  } catch {
    return maskPersonalText(payload);
  }
}

/** Any UUID's text, the nil and the all-ones one included (the gateway pages across services with them). */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cursorKey(cursor: string): [string, string] {
  const [failedAt, id] = decodeCursor(cursor, 2);
  if (typeof failedAt === 'string' && !Number.isNaN(Date.parse(failedAt)) && typeof id === 'string' && UUID_TEXT.test(id))
    return [failedAt, id];
  throw new InvalidInput({ field: 'cursor', rule: 'valid-cursor', message: 'cursor must be the next value of a previous page, unchanged' });
}
