export type ServiceName = 'program' | 'enrollment' | 'venue-capacity' | 'instructor-module' | 'notification' | 'gateway';

/** The outside systems that connect to the brokers, each as a principal of its own. */
export type MinistrySystem = 'kemenumkm' | 'kemnaker';

export interface TopicSpec {
  name: string;
  /** What the Kafka message key is: one aggregate's events share a key and so a partition. */
  key: string;
  partitions: number;
  /** How long the broker keeps a message; INFINITE_RETENTION (-1) on the domain topics, so that a projection can be replayed from the start. */
  retentionMs: number;
  producer: ServiceName | 'ministry systems';
  consumers: ReadonlyArray<ServiceName | 'ministry systems'>;
  /** On an integration topic: the one ministry system that is its 'ministry systems' producer or consumer. */
  ministry?: MinistrySystem;
  description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Kafka's `retention.ms=-1`: kept until deleted. The gateway rebuilds its read models by replaying its topics
 * from the beginning (`npm run rebuild-read-models`), so none of them may lose its first events.
 */
export const INFINITE_RETENTION = -1;

export const TOPICS = {
  programAgreements: {
    name: 'program.agreements.v1',
    key: 'agreement id',
    partitions: 3,
    retentionMs: INFINITE_RETENTION,
    producer: 'program',
    consumers: ['notification', 'gateway'],
    description: 'Lifecycle of agreements: MoUs and the cooperation agreements (PKS) that follow them.',
  },
  programmes: {
    name: 'program.programmes.v1',
    key: 'programme id',
    partitions: 3,
    retentionMs: INFINITE_RETENTION,
    producer: 'program',
    consumers: ['enrollment', 'gateway', 'notification'],
    description: 'Training programmes under a PKS: launched, targets amended.',
  },
  batches: {
    name: 'program.batches.v1',
    key: 'batch id',
    partitions: 6,
    retentionMs: INFINITE_RETENTION,
    producer: 'program',
    consumers: ['venue-capacity', 'instructor-module', 'enrollment', 'notification', 'gateway'],
    description: 'The batch saga: classes planned, confirmed, failed, rescheduled, cancelled, started, completed, closed.',
  },
  venueReservations: {
    name: 'venue.reservations.v1',
    key: 'batch id',
    partitions: 6,
    retentionMs: INFINITE_RETENTION,
    producer: 'venue-capacity',
    consumers: ['program', 'notification', 'gateway'],
    description: 'Room reservations for classes: reserved, rejected, released, withdrawn.',
  },
  venues: {
    name: 'venue.venues.v1',
    key: 'venue code',
    partitions: 3,
    retentionMs: INFINITE_RETENTION,
    producer: 'venue-capacity',
    consumers: ['program', 'notification', 'gateway'],
    description: 'The venue catalogue: training centres with their rooms and calendars (full state per event).',
  },
  instructorAssignments: {
    name: 'instructor.assignments.v1',
    key: 'batch id',
    partitions: 6,
    retentionMs: INFINITE_RETENTION,
    producer: 'instructor-module',
    consumers: ['program', 'enrollment', 'notification', 'gateway'],
    description: 'Instructor assignments for classes: assigned, rejected, released, withdrawn.',
  },
  instructorCatalogue: {
    name: 'instructor.catalogue.v1',
    key: 'module code or instructor id',
    partitions: 3,
    retentionMs: INFINITE_RETENTION,
    producer: 'instructor-module',
    consumers: ['program', 'gateway'],
    description: 'Training modules and instructor profiles (no personal contact data).',
  },
  enrollments: {
    name: 'enrollment.enrollments.v1',
    key: 'enrollment id',
    partitions: 6,
    retentionMs: INFINITE_RETENTION,
    producer: 'enrollment',
    consumers: ['notification', 'gateway'],
    description: 'Enrollments of participants: submitted, rejected, selected, reserve, confirmed (masked NIK or participant id only).',
  },
  batchFill: {
    name: 'enrollment.batch-fill.v1',
    key: 'batch id',
    partitions: 6,
    retentionMs: INFINITE_RETENTION,
    producer: 'enrollment',
    consumers: ['program', 'notification', 'gateway'],
    description: 'How full each class is, against its seats and minimum quorum.',
  },
  participantContacts: {
    name: 'enrollment.participant-contacts.v1',
    key: 'participant id',
    partitions: 3,
    retentionMs: 365 * DAY_MS,
    producer: 'enrollment',
    consumers: ['notification'],
    description: "Participants' contact cards for notification: name, phone and email sealed (AES-256-GCM, CONTACT_SEAL_KEY), only the participant id and language in the clear.",
  },
  instructorContacts: {
    name: 'instructor.contacts.v1',
    key: 'instructor id',
    partitions: 3,
    retentionMs: 365 * DAY_MS,
    producer: 'instructor-module',
    consumers: ['notification'],
    description: "Instructors' contact cards for notification, sealed like participants' (only the instructor id and language in the clear).",
  },
  notificationDeliveries: {
    name: 'notification.deliveries.v1',
    key: 'delivery id',
    partitions: 3,
    retentionMs: INFINITE_RETENTION,
    producer: 'notification',
    consumers: ['gateway'],
    description: 'Outcome of each message owed to a recipient: delivered (channel, attempts) or failed (reason). No contact data.',
  },
  signInCodes: {
    name: 'gateway.sign-in-codes.v1',
    key: 'participant id',
    partitions: 3,
    retentionMs: 1 * DAY_MS,
    producer: 'gateway',
    consumers: ['notification'],
    description: 'One-time sign-in codes for participants, to be sent by notification: the code sealed (AES-256-GCM, SIGN_IN_CODE_SEAL_KEY), only the participant id, the channel kind and the expiry in the clear.',
  },
  kemenumkmNominations: {
    name: 'integration.kemenumkm.nominations.v1',
    ministry: 'kemenumkm',
    key: 'nominating institution id',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'ministry systems',
    consumers: ['enrollment'],
    description: 'Inbound from KemenUMKM: institutions nominate participants for a programme, many records per message. Carries NIKs: restricted topic (ACL: KemenUMKM producer, enrollment consumer).',
  },
  kemenumkmNominationResults: {
    name: 'integration.kemenumkm.nominations.results.v1',
    ministry: 'kemenumkm',
    key: 'nominating institution id',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'enrollment',
    consumers: ['ministry systems'],
    description: 'Outbound to KemenUMKM: whether each nominated record was accepted (with the enrollment) or why not.',
  },
  kemnakerVenues: {
    name: 'integration.kemnaker.venues.v1',
    ministry: 'kemnaker',
    key: 'venue code',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'ministry systems',
    consumers: ['venue-capacity'],
    description: 'Inbound from Kemnaker: the venue catalogue (BLK/BBPVP/BPVP with rooms and closed days).',
  },
  kemnakerVenueResults: {
    name: 'integration.kemnaker.venues.results.v1',
    ministry: 'kemnaker',
    key: 'venue code',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'venue-capacity',
    consumers: ['ministry systems'],
    description: 'Outbound to Kemnaker: whether each inbound venue record was accepted, or why not.',
  },
  kemenumkmRoster: {
    name: 'integration.kemenumkm.roster.v1',
    ministry: 'kemenumkm',
    key: 'module code or instructor external ref',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'ministry systems',
    consumers: ['instructor-module'],
    description: 'Inbound from KemenUMKM: training modules and the instructor roster.',
  },
  kemenumkmRosterResults: {
    name: 'integration.kemenumkm.roster.results.v1',
    ministry: 'kemenumkm',
    key: 'module code or instructor external ref',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    producer: 'instructor-module',
    consumers: ['ministry systems'],
    description: 'Outbound to KemenUMKM: whether each inbound roster record was accepted, or why not.',
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

/** The registry's topics, with names prefixed as in withTopicPrefix. */
export function allTopicSpecs(prefix = ''): TopicSpec[] {
  return Object.values(TOPICS).map((spec) => ({ ...spec, name: `${prefix}${spec.name}` }));
}
