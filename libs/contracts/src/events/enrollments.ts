import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

export const ENROLLMENT_CHANNELS = ['self-service', 'nomination'] as const;
export type EnrollmentChannel = (typeof ENROLLMENT_CHANNELS)[number];

/** A NIK as events may carry it: the first six and last two digits hidden, e.g. `******0101****01`. */
export const MASKED_NIK_PATTERN = '^\\*{6}[0-9]{6}\\*{2}[0-9]{2}$';

const topic = TOPICS.enrollments.name;
/** A seat decision for one enrollment in one class. */
const seatDecision = {
  enrollmentId: s.uuid(),
  participantId: s.uuid(),
  programmeId: s.uuid(),
  batchId: s.uuid(),
};

export const enrollmentSubmittedEvent = defineEvent(
  'EnrollmentSubmitted',
  topic,
  'A participant asked for a place in a programme (self-service or nominated); carries a masked NIK only.',
  s.object({
    enrollmentId: s.uuid(),
    programmeId: s.uuid(),
    participantId: s.uuid(),
    maskedNik: s.pattern(MASKED_NIK_PATTERN),
    channel: s.oneOf(ENROLLMENT_CHANNELS),
    provinceCode: s.provinceCode(),
  }),
);
export type EnrollmentSubmitted = PayloadOf<typeof enrollmentSubmittedEvent>;

export const enrollmentRejectedEvent = defineEvent(
  'EnrollmentRejected',
  topic,
  'An enrollment was refused; each reason names the field and the rule (identity or eligibility).',
  s.object({ enrollmentId: s.uuid(), programmeId: s.uuid(), participantId: s.uuid(), reasons: s.array(s.problem(), 1) }),
);
export type EnrollmentRejected = PayloadOf<typeof enrollmentRejectedEvent>;
export type EnrollmentProblem = EnrollmentRejected['reasons'][number];

export const participantSelectedEvent = defineEvent(
  'ParticipantSelected',
  topic,
  'A participant got a seat in a class and must confirm it by confirmBy (daftar ulang).',
  s.object({ ...seatDecision, confirmBy: s.date() }),
);
export type ParticipantSelected = PayloadOf<typeof participantSelectedEvent>;

export const participantReservedEvent = defineEvent(
  'ParticipantReserved',
  topic,
  'A participant is on a class reserve list at this rank.',
  s.object({
    ...seatDecision,
    /** 1 is the next to be promoted. */
    rank: s.integer(1),
  }),
);
export type ParticipantReserved = PayloadOf<typeof participantReservedEvent>;

export const seatConfirmedEvent = defineEvent('SeatConfirmed', topic, 'A selected participant confirmed the seat.', s.object(seatDecision));
export type SeatDecision = PayloadOf<typeof seatConfirmedEvent>;

export const batchFillChangedEvent = defineEvent(
  'BatchFillChanged',
  TOPICS.batchFill.name,
  'How full a class is: selected, confirmed and reserve participants against its seats and quorum.',
  s.object({
    batchId: s.uuid(),
    programmeId: s.uuid(),
    seats: s.integer(1),
    reserves: s.integer(0),
    selected: s.integer(0),
    confirmed: s.integer(0),
    reserved: s.integer(0),
    minimumQuorum: s.integer(1),
    quorumMet: s.boolean(),
  }),
);
export type BatchFillChanged = PayloadOf<typeof batchFillChangedEvent>;

export const participantNotSelectedEvent = defineEvent(
  'ParticipantNotSelected',
  topic,
  'No seat or reserve place was left for an eligible participant; the reason says why.',
  s.object({ enrollmentId: s.uuid(), participantId: s.uuid(), programmeId: s.uuid(), reason: s.string(500) }),
);
export type ParticipantNotSelected = PayloadOf<typeof participantNotSelectedEvent>;

export const seatExpiredEvent = defineEvent(
  'SeatExpired',
  topic,
  'A selected participant did not confirm by the confirm-by day; the seat goes to the first reserve.',
  s.object(seatDecision),
);
export type SeatExpired = PayloadOf<typeof seatExpiredEvent>;

export const reservePromotedEvent = defineEvent(
  'ReservePromoted',
  topic,
  'A reserve got a seat (after an expiry or a withdrawal) and must confirm it by confirmBy.',
  s.object({ ...seatDecision, confirmBy: s.date() }),
);
export type ReservePromoted = PayloadOf<typeof reservePromotedEvent>;

export const enrollmentWithdrawnEvent = defineEvent(
  'EnrollmentWithdrawn',
  topic,
  'A participant withdrew; a seat they held goes to the first reserve.',
  s.object({ enrollmentId: s.uuid(), participantId: s.uuid(), programmeId: s.uuid(), batchId: s.uuid(), reason: s.string(500) }, ['batchId']),
);
export type EnrollmentWithdrawn = PayloadOf<typeof enrollmentWithdrawnEvent>;
