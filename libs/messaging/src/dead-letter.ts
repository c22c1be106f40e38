import { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf } from '@sinergi/contracts';

const MAX_ERROR_LENGTH = 2_000;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  attempts: number;
  error: string;
}

/** Where a message was parked: the headers it went with, as text, and when. */
export interface ParkedLetter {
  headers: Record<string, string>;
  failedAt: string;
}

/** Parks a message on its topic's dead-letter companion, unchanged, with why and where it failed. */
export async function publishDeadLetter(producer: Producer, letter: DeadLetter): Promise<ParkedLetter> {
  const failedAt = new Date().toISOString();
  const headers: IHeaders = {
    ...letter.message.headers,
    [DEAD_LETTER_HEADERS.error]: letter.error.slice(0, MAX_ERROR_LENGTH),
    [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
    [DEAD_LETTER_HEADERS.originalTopic]: letter.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: String(letter.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: letter.message.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: letter.consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: failedAt,
  };
  await producer.send({
    topic: deadLetterTopicOf(letter.topic),
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
  return { headers: headersAsText(headers), failedAt };
}

export function headersAsText(headers: IHeaders): Record<string, string> {
  const text = (value: Buffer | string) => value.toString();
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(text).join(', ') : text(value as Buffer | string)]),
  );
}
