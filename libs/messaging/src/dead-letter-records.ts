import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@sinergi/contracts';
import { ParkedLetter } from './dead-letter';

export interface DeadLetterRecord {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  /** Absent when the message was not a valid envelope. */
  envelope?: EventEnvelope;
  reason: string;
  attempts: number;
  parked: ParkedLetter;
  value: Buffer | null;
}

/** Keeps a parked message in the service's `dead_letters` (once per place on its topic: a redelivery adds nothing). */
export async function recordDeadLetter(manager: EntityManager, record: DeadLetterRecord): Promise<void> {
  await manager.query(
    `INSERT INTO dead_letters (consumer_group, topic, kafka_partition, kafka_offset, event_id, event_type, reason, attempts, headers, payload, failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (consumer_group, topic, kafka_partition, kafka_offset) DO NOTHING`,
    [
      record.consumerGroup,
      record.topic,
      record.partition,
      record.offset,
      record.envelope?.id ?? null,
      record.envelope?.type ?? null,
      record.reason,
      record.attempts,
      JSON.stringify(record.parked.headers),
      record.value === null ? null : record.value.toString('utf8'),
      record.parked.failedAt,
    ],
  );
}
