import type { ServiceName } from '../topics';

/**
 * The Operations page (GET/POST /api/v1/operations/...): consumer lag, outbox backlogs and dead letters of every
 * service. Lists are pages (`Page<T>`, `?limit=&cursor=`); times are ISO 8601.
 */

/** One partition a service's consumer group reads: how far behind its committed offset is. */
export interface ConsumerLag {
  service: ServiceName;
  groupId: string;
  topic: string;
  partition: number;
  /** The group's committed offset on the partition; null while it has committed none (it then reads from the log start). */
  committedOffset: number | null;
  /** The partition's end (the offset the next message gets). */
  endOffset: number;
  /** Messages the group has still to take: end minus committed (minus the log start when nothing is committed). */
  lag: number;
}

/** What a service's outbox holds: rows waiting for the relay, and rows Kafka refused for good (parked). */
export interface ServiceOutboxBacklog {
  pending: number;
  parked: number;
  /** When the oldest waiting row was written; null when none waits. */
  oldestPendingAt: string | null;
  /** How long the oldest waiting row has waited, in whole seconds; null when none waits. */
  oldestPendingAgeSeconds: number | null;
}

export interface OutboxBacklog extends ServiceOutboxBacklog {
  service: ServiceName;
}

/** GET /api/v1/operations/dead-letters: newest first. */
export interface FindDeadLettersParams {
  service?: ServiceName;
  /** The topic the message was consumed from (as the broker names it). */
  topic?: string;
  limit?: number;
  cursor?: string;
}

/** A service's own dead letters (GET /operations/dead-letters of each service, for the gateway only): newest first. */
export interface FindServiceDeadLettersParams {
  topic?: string;
  limit?: number;
  cursor?: string;
}

/** A message a service's consumer group parked on the topic's dead-letter companion. */
export interface DeadLetterSummary {
  service: ServiceName;
  /** The dead letter's id in its service. */
  id: string;
  /** The topic the message was consumed from. */
  topic: string;
  /** Its CloudEvents type; null when it was not a valid envelope. */
  eventType: string | null;
  /** Why it was parked (the handler's error, or the schema rule it broke), personal data masked. */
  reason: string;
  failedAt: string;
  /** Handling attempts before it was parked (0: refused by the schema, never handled). */
  attempts: number;
  /** When it was sent back to its topic; null while it waits. */
  redrivenAt: string | null;
}

export interface DeadLetterDetail extends DeadLetterSummary {
  consumerGroup: string;
  /** Where the message was on its topic. */
  partition: number;
  offset: string;
  eventId: string | null;
  /** The Kafka headers it was parked with (its own and the `sinergi-dlq-*` ones), personal data masked. */
  headers: Record<string, string>;
  /** The message's value (its envelope), every personal field masked; the text itself when it was not JSON. */
  payload: unknown;
  /** The full error text it was parked with, personal data masked. */
  reasonDetail: string;
}

/** POST /api/v1/operations/dead-letters/:service/:id/redrive (202): sent back to its topic, where its consumer group handles it again. */
export interface DeadLetterRedriven {
  service: ServiceName;
  id: string;
  redriven: true;
}
