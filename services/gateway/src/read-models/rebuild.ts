import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DASHBOARD_CHANGE_KINDS, EVENT_CATALOG, withTopicPrefix } from '@sinergi/contracts';
import { EventValidator, REPLAY_GROUPS } from '@sinergi/messaging';
import { ADVISORY_LOCKS } from '@sinergi/platform';
import { countDeadLetters } from './dead-letter-counts';
import { notify } from './live/read-model-changes';
import { createProjectionTables, Queryable, READ_MODELS_SCHEMA, REBUILD_SCHEMA, RETIRED_SCHEMA } from './projection-tables';
import { project, PROJECTIONS } from './projections';

export interface RebuildOptions {
  databaseUrl: string;
  kafka: Kafka;
  topicPrefix?: string;
}

export interface RebuildOutcome {
  /** Messages read from the topics, of which `projected` were events the read models follow. */
  read: number;
  projected: number;
}

/** Never commits an offset, so that every rebuild starts again at the beginning of each topic. */
export function rebuildGroupOf(topicPrefix = ''): string {
  return `${topicPrefix}${REPLAY_GROUPS.gateway}`;
}

/** The topics the read models follow: those of the event types they project. */
export function readModelTopics(topicPrefix = ''): string[] {
  const catalog = withTopicPrefix(EVENT_CATALOG, topicPrefix);
  return [...new Set(Object.keys(PROJECTIONS).map((type) => catalog.get(type)!.topic))].sort();
}

/** Per `topic/partition`: the next offset to read (the consumer's position, or a partition's end). */
type Watermarks = Map<string, bigint>;
interface PartitionRange {
  low: bigint;
  high: bigint;
}

/**
 * Replays the read models' topics from the beginning into a fresh schema, then swaps it in for the live one.
 * Up to the end offsets seen at the start it runs beside the live consumer; then it takes the read-models
 * lock exclusively (live updates wait on it), reads on to the end offsets seen under the lock and renames the
 * schemas in that same transaction. Whatever the live consumer applies after the swap the rebuild may already
 * hold, which the projections' upserts make harmless.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildOutcome> {
  const topics = readModelTopics(options.topicPrefix);
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const db: Queryable = { query: async (sql, parameters) => (await client.query(sql, parameters as unknown[])).rows };
  const consumer = options.kafka.consumer({ groupId: rebuildGroupOf(options.topicPrefix), allowAutoTopicCreation: false });
  const validator = new EventValidator(withTopicPrefix(EVENT_CATALOG, options.topicPrefix ?? ''), 'consume');
  const outcome: RebuildOutcome = { read: 0, projected: 0 };
  const position: Watermarks = new Map();
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
    await createProjectionTables(db, REBUILD_SCHEMA);

    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    let failure: Error | undefined;
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        try {
          outcome.read += 1;
          const decoded = validator.decode(message.value);
          if (decoded.valid && PROJECTIONS[decoded.envelope.type]) {
            await project(db, REBUILD_SCHEMA, decoded.envelope);
            outcome.projected += 1;
          }
          position.set(`${topic}/${partition}`, BigInt(message.offset) + 1n);
        } catch (error) {
          failure = error as Error;
          throw error;
        }
      },
    });

    await readUpTo(await endOffsets(options.kafka, topics), position, () => failure);
    await countDeadLetters(db, REBUILD_SCHEMA, options.kafka, options.topicPrefix);
    await db.query('BEGIN');
    try {
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [ADVISORY_LOCKS.readModels]);
      await readUpTo(await endOffsets(options.kafka, topics), position, () => failure);
      await consumer.stop();
      await db.query(`ALTER SCHEMA ${READ_MODELS_SCHEMA} RENAME TO ${RETIRED_SCHEMA}`);
      await db.query(`ALTER SCHEMA ${REBUILD_SCHEMA} RENAME TO ${READ_MODELS_SCHEMA}`);
      await db.query(`DROP SCHEMA ${RETIRED_SCHEMA} CASCADE`);
      // Every dashboard may have changed: the live ones reload all they show once the swap commits.
      for (const kind of DASHBOARD_CHANGE_KINDS) await notify(db, { kind });
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
    return outcome;
  } finally {
    await consumer.disconnect();
    await client.end();
  }
}

async function endOffsets(kafka: Kafka, topics: string[]): Promise<Map<string, PartitionRange>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, PartitionRange>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${partition}`, { low: BigInt(low), high: BigInt(high) });
      }
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

const POLL_MS = 50;

/** Waits until the consumer has handled every partition up to its end offset (an empty partition is already there). */
async function readUpTo(ends: Map<string, PartitionRange>, position: Watermarks, failure: () => Error | undefined): Promise<void> {
  for (;;) {
    const error = failure();
    if (error) throw error;
    if ([...ends].every(([key, { low, high }]) => (position.get(key) ?? low) >= high)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
