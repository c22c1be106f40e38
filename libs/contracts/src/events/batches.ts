import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

/** Where a class (batch) is in its saga. */
export const BATCH_STATUSES = ['planned', 'confirmed', 'failed', 'cancelled', 'running', 'completed', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_FAILURE_STEPS = ['venue', 'instructor', 'timeout'] as const;
export const BATCH_CANCELLATION_REASONS = ['admin', 'venue-withdrawn', 'instructor-withdrawn', 'under-quorum'] as const;
export type BatchCancellationReason = (typeof BATCH_CANCELLATION_REASONS)[number];

const topic = TOPICS.batches.name;

const classDates = s.described(
  'The teaching days the class is held on, startDate first and endDate last; absent: every day from startDate to endDate.',
  s.setOf(s.date(), 1),
);

/** The class to staff and house: venue-capacity reserves a room, instructor-module assigns an instructor. */
export const batchPlannedEvent = defineEvent(
  'BatchPlanned',
  topic,
  'A class was planned: venue-capacity and instructor-module are asked to reserve a room and assign an instructor.',
  s.object(
    {
      batchId: s.uuid(),
      programmeId: s.uuid(),
      moduleCode: s.code(),
      provinceCode: s.provinceCode(),
      venueCode: s.code(),
      startDate: s.date(),
      endDate: s.date(),
      seats: s.integer(1, 200),
      reserves: s.integer(0, 50),
      minimumQuorum: s.integer(1, 200),
      confirmBy: s.date(),
      /** Venue and instructor must answer by then, or the saga fails the class and compensates. */
      replyBy: s.dateTime(),
      classDates,
      proposedInstructorId: s.described(
        "The instructor the planner found free for the class (from instructor-module's public events); instructor-module takes them when they still are, and otherwise staffs the class by its own rules.",
        s.uuid(),
      ),
    },
    ['classDates', 'proposedInstructorId'],
  ),
);
export type BatchPlanned = PayloadOf<typeof batchPlannedEvent>;

export const batchConfirmedEvent = defineEvent(
  'BatchConfirmed',
  topic,
  'A class has its room and its instructor: enrollment opens for it.',
  s.object(
    {
      batchId: s.uuid(),
      programmeId: s.uuid(),
      moduleCode: s.code(),
      provinceCode: s.provinceCode(),
      venueCode: s.code(),
      roomCode: s.code(),
      instructorId: s.uuid(),
      startDate: s.date(),
      endDate: s.date(),
      seats: s.integer(1, 200),
      reserves: s.integer(0, 50),
      minimumQuorum: s.integer(1, 200),
      confirmBy: s.date(),
      classDates,
    },
    ['classDates'],
  ),
);
export type BatchConfirmed = PayloadOf<typeof batchConfirmedEvent>;

export const batchPlanningFailedEvent = defineEvent(
  'BatchPlanningFailed',
  topic,
  'A class could not be staffed or housed (or no answer came in time); whatever was reserved for it is released.',
  s.object({ batchId: s.uuid(), programmeId: s.uuid(), failedStep: s.oneOf(BATCH_FAILURE_STEPS), reason: s.string(500) }),
);
export type BatchPlanningFailed = PayloadOf<typeof batchPlanningFailedEvent>;

export const batchRescheduledEvent = defineEvent(
  'BatchRescheduled',
  topic,
  'A confirmed class moved to new dates.',
  s.object(
    {
      batchId: s.uuid(),
      programmeId: s.uuid(),
      previousStartDate: s.date(),
      previousEndDate: s.date(),
      startDate: s.date(),
      endDate: s.date(),
      reason: s.string(500),
      classDates,
    },
    ['classDates'],
  ),
);
export type BatchRescheduled = PayloadOf<typeof batchRescheduledEvent>;

export const batchCancelledEvent = defineEvent(
  'BatchCancelled',
  topic,
  'A class was cancelled; its room and instructor are released and its participants are told.',
  s.object({ batchId: s.uuid(), programmeId: s.uuid(), reason: s.oneOf(BATCH_CANCELLATION_REASONS), detail: s.string(500) }),
);
export type BatchCancelled = PayloadOf<typeof batchCancelledEvent>;

const lifecycleStep = s.object({ batchId: s.uuid(), programmeId: s.uuid(), on: s.date() });

export const batchStartedEvent = defineEvent('BatchStarted', topic, 'A class started (attendance is recorded from now on).', lifecycleStep);
export const batchCompletedEvent = defineEvent('BatchCompleted', topic, 'A class held its last day.', lifecycleStep);
export const batchClosedEvent = defineEvent('BatchClosed', topic, 'A class is closed: certificates issued, records final.', lifecycleStep);
export type BatchLifecycleStep = PayloadOf<typeof batchStartedEvent>;
