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

/** Parks a message on its topic's dead-letter companion, unchanged, with why and where it failed. */
export async function publishDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...letter.message.headers,
    [DEAD_LETTER_HEADERS.error]: letter.error.slice(0, MAX_ERROR_LENGTH),
    [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
    [DEAD_LETTER_HEADERS.originalTopic]: letter.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: String(letter.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: letter.message.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: letter.consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: deadLetterTopicOf(letter.topic),
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
