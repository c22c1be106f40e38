import { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';

/** One consumed event that a consumer group is about to handle, at its place on its topic. */
export interface InboxClaim {
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Claims events for a consumer group in one statement: a first delivery, or a dead-lettered one coming back
 * (re-driven), is claimed; an event the group has handled is not. One prepared statement (named, so each
 * connection parses and plans it once) whatever the number of events, their columns as arrays.
 */
const CLAIM_STATEMENT = {
  name: 'sinergi-inbox-claim',
  text: `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset, outcome)
         SELECT $1, claim.event_id, claim.event_type, claim.topic, claim.kafka_partition, claim.kafka_offset, 'handled'
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])
           AS claim(event_id, event_type, topic, kafka_partition, kafka_offset)
         ON CONFLICT (consumer_group, event_id) DO UPDATE
           SET outcome = 'handled', topic = EXCLUDED.topic, kafka_partition = EXCLUDED.kafka_partition,
               kafka_offset = EXCLUDED.kafka_offset, handled_at = now()
           WHERE inbox.outcome = 'dead-lettered'
         RETURNING event_id`,
};

/**
 * The ids of the events this group handles now, in the caller's transaction. `claims` must not repeat an event id
 * (one statement cannot update a row twice): see `firstOfEachEvent`.
 */
export async function claimInInbox(manager: EntityManager, consumerGroup: string, claims: ReadonlyArray<InboxClaim>): Promise<Set<string>> {
  const values = [
    consumerGroup,
    claims.map((claim) => claim.eventId),
    claims.map((claim) => claim.eventType),
    claims.map((claim) => claim.topic),
    claims.map((claim) => claim.partition),
    claims.map((claim) => claim.offset),
  ];
  const client = (await manager.queryRunner?.connect()) as PoolClient | undefined;
  if (!client) throw new Error('claimInInbox needs a transaction manager');
  const { rows } = await client.query<{ event_id: string }>({ ...CLAIM_STATEMENT, values });
  return new Set(rows.map((row) => row.event_id));
}

/** The items whose event id comes first among them: a later copy of an event in the same batch is a duplicate. */
export function firstOfEachEvent<T>(items: ReadonlyArray<T>, eventIdOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = eventIdOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
