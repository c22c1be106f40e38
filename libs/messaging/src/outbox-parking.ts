import { EntityManager } from 'typeorm';

/**
 * What Kafka answers when it will never take a message, however often it is sent: the topic does
 * not exist (topics come from the registry, never auto-creation), the message is over the topic's
 * max.message.bytes, the producer may not write to it, or the record is malformed. Anything else
 * (a broker down, a leader moving, a timeout) is retried as before.
 */
const REFUSED_FOR_GOOD = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'INVALID_TOPIC_EXCEPTION',
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'TOPIC_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

/** The Kafka error type when Kafka refused for good (looking through kafkajs's "retries exceeded" wrapper), else undefined. */
export function refusalOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && REFUSED_FOR_GOOD.has(type)) return type;
  }
  return undefined;
}

export interface OutboxRowRef {
  position: string;
}

/** Moves outbox rows to outbox_parked with the reason, in the relay's transaction. */
export async function parkRows(manager: EntityManager, rows: OutboxRowRef[], reason: string): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `WITH moved AS (DELETE FROM outbox WHERE position = ANY($1::bigint[]) RETURNING *)
     INSERT INTO outbox_parked (position, event_id, topic, message_key, envelope, created_at, reason)
     SELECT position, event_id, topic, message_key, envelope, created_at, $2 FROM moved`,
    [rows.map((row) => row.position), reason],
  );
}

/** The topic and key pairs among these that have a parked row: their later rows must not overtake it. */
export async function parkedKeysAmong(manager: EntityManager, rows: Array<{ topic: string; message_key: string }>): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const parked: Array<{ topic: string; message_key: string }> = await manager.query(
    `SELECT DISTINCT topic, message_key FROM outbox_parked
     WHERE (topic, message_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [rows.map((row) => row.topic), rows.map((row) => row.message_key)],
  );
  return new Set(parked.map(keyOf));
}

export function keyOf(row: { topic: string; message_key: string }): string {
  return `${row.topic}\u0000${row.message_key}`;
}

export interface ParkedSummary {
  parked: number;
  /** The most recently parked row: which event, where to, and why. */
  latest?: { eventId: string; topic: string; reason: string; parkedAt: string };
}

/** How many outbox rows are parked, for /health. */
export async function parkedSummary(query: (sql: string) => Promise<unknown[]>): Promise<ParkedSummary> {
  const [counted] = (await query('SELECT count(*)::int AS parked FROM outbox_parked')) as Array<{ parked: number }>;
  if (counted.parked === 0) return { parked: 0 };
  const [latest] = (await query(
    'SELECT event_id AS "eventId", topic, reason, parked_at AS "parkedAt" FROM outbox_parked ORDER BY parked_at DESC, position DESC LIMIT 1',
  )) as Array<{ eventId: string; topic: string; reason: string; parkedAt: Date }>;
  return { parked: counted.parked, latest: { ...latest, parkedAt: new Date(latest.parkedAt).toISOString() } };
}
