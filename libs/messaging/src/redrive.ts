import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf } from '@sinergi/contracts';

/** Which dead letters of one topic to send back to it; with none of the optional fields, all of them. */
export interface RedriveSelection {
  /** The topic the messages were consumed from (its `.dlq` companion is read). */
  topic: string;
  /** The partition and offset the message had on `topic` (the `sinergi-dlq-original-*` headers). */
  partition?: number;
  offset?: string;
  /** The CloudEvents id of the message. */
  eventId?: string;
  /** Only messages this consumer group dead-lettered. */
  consumerGroup?: string;
}

export interface Redriven {
  eventId?: string;
  originalPartition: number;
  originalOffset: string;
  /** Where the dead letter sits on the dead-letter topic. */
  deadLetterOffset: string;
}

/** Names the dead letter a re-driven message came from. */
export const REDRIVEN_FROM_HEADER = 'sinergi-redriven-from';

/**
 * Sends dead letters back to the topic they were consumed from, unchanged (key, value, headers, minus the
 * dead-letter ones). Each consumer group's inbox takes the message again if it dead-lettered it, and drops it as a
 * duplicate if it had handled it: a re-driven event takes effect once. A message dead-lettered by several groups
 * is sent once. The dead-letter topic is read by a throw-away consumer group named `<readerGroupPrefix><uuid>`.
 */
export async function redriveDeadLetters(kafka: Kafka, selection: RedriveSelection, readerGroupPrefix = 'sinergi-redrive-'): Promise<Redriven[]> {
  const letters = await readDeadLetters(kafka, deadLetterTopicOf(selection.topic), readerGroupPrefix);
  const chosen = new Map<string, { letter: KafkaMessage; redriven: Redriven }>();
  for (const letter of letters) {
    const redriven = describe(letter);
    if (!matches(selection, redriven, header(letter, DEAD_LETTER_HEADERS.consumerGroup))) continue;
    const place = `${redriven.originalPartition}@${redriven.originalOffset}`;
    if (!chosen.has(place)) chosen.set(place, { letter, redriven });
  }
  if (chosen.size === 0) return [];
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: selection.topic,
      messages: [...chosen.values()].map(({ letter, redriven }) => ({
        key: letter.key,
        value: letter.value,
        headers: { ...withoutDeadLetterHeaders(letter.headers), [REDRIVEN_FROM_HEADER]: `${deadLetterTopicOf(selection.topic)}@${redriven.deadLetterOffset}` },
      })),
    });
  } finally {
    await producer.disconnect();
  }
  return [...chosen.values()].map(({ redriven }) => redriven);
}

function matches(selection: RedriveSelection, redriven: Redriven, consumerGroup: string | undefined): boolean {
  if (selection.partition !== undefined && selection.partition !== redriven.originalPartition) return false;
  if (selection.offset !== undefined && selection.offset !== redriven.originalOffset) return false;
  if (selection.eventId !== undefined && selection.eventId !== redriven.eventId) return false;
  return selection.consumerGroup === undefined || selection.consumerGroup === consumerGroup;
}

function describe(letter: KafkaMessage): Redriven {
  return {
    eventId: eventIdOf(letter.value),
    originalPartition: Number(header(letter, DEAD_LETTER_HEADERS.originalPartition)),
    originalOffset: header(letter, DEAD_LETTER_HEADERS.originalOffset) ?? '',
    deadLetterOffset: letter.offset,
  };
}

function eventIdOf(value: Buffer | null): string | undefined {
  try {
    const id = (JSON.parse(String(value)) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function withoutDeadLetterHeaders(headers: IHeaders = {}): IHeaders {
  const dlqNames = new Set<string>([...Object.values(DEAD_LETTER_HEADERS), REDRIVEN_FROM_HEADER]);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dlqNames.has(name)));
}

/** Every message on a dead-letter topic up to its current end, read by a throw-away consumer group (`<prefix><uuid>`). */
async function readDeadLetters(kafka: Kafka, topic: string, groupPrefix: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${groupPrefix}${randomUUID()}`;
  try {
    if (!(await admin.listTopics()).includes(topic)) throw new Error(`there is no dead-letter topic ${topic}`);
    const ends = (await admin.fetchTopicOffsets(topic)).filter((partition) => BigInt(partition.high) > BigInt(partition.low));
    if (ends.length === 0) return [];
    const remaining = new Map(ends.map((partition) => [partition.partition, BigInt(partition.high) - 1n]));
    const messages: KafkaMessage[] = [];
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const last = remaining.get(partition);
              if (last === undefined || BigInt(message.offset) > last) return;
              messages.push(message);
              if (BigInt(message.offset) === last) remaining.delete(partition);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return messages;
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
