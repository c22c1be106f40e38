export type ServiceName = 'program' | 'enrollment' | 'venue-capacity' | 'instructor-module' | 'notification' | 'gateway';

export interface TopicSpec {
  name: string;
  /** What the Kafka message key is: one aggregate's events share a key and so a partition. */
  key: string;
  partitions: number;
  retentionMs: number;
  producer: ServiceName | 'ministry systems';
  consumers: ReadonlyArray<ServiceName | 'ministry systems'>;
  description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPICS = {
  programAgreements: {
    name: 'program.agreements.v1',
    key: 'agreement id',
    partitions: 3,
    retentionMs: 365 * DAY_MS,
    producer: 'program',
    consumers: ['notification'],
    description: 'Lifecycle of agreements: MoUs and the cooperation agreements (PKS) that follow them.',
  },
} as const satisfies Record<string, TopicSpec>;

/** Where a consumer parks a message it cannot process, with the reason in the headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;

/** Headers a consumer adds to a message it parks on a dead-letter topic. */
export const DEAD_LETTER_HEADERS = {
  error: 'sinergi-dlq-error',
  attempts: 'sinergi-dlq-attempts',
  originalTopic: 'sinergi-dlq-original-topic',
  originalPartition: 'sinergi-dlq-original-partition',
  originalOffset: 'sinergi-dlq-original-offset',
  consumerGroup: 'sinergi-dlq-consumer-group',
  failedAt: 'sinergi-dlq-failed-at',
} as const;

export function allTopicSpecs(): TopicSpec[] {
  return Object.values(TOPICS);
}
