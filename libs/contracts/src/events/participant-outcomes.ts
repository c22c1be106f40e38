import { defineEvent, PayloadOf } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';

/* What becomes of a participant after the seat decision: class changes, attendance, completion, certificates. */

export const CLASS_CHANGE_REASONS = ['cancelled', 'rescheduled'] as const;
export type ClassChangeReason = (typeof CLASS_CHANGE_REASONS)[number];

/** Why a participant left the programme's classes: no class to move to, they declined, or they did not answer in time. */
export const RELEASE_CAUSES = ['no-option', 'declined', 'no-answer'] as const;
export type ReleaseCause = (typeof RELEASE_CAUSES)[number];

export const MOVED_STATUSES = ['selected', 'confirmed', 'reserved'] as const;

const topic = TOPICS.enrollments.name;
const who = { enrollmentId: s.uuid(), participantId: s.uuid(), programmeId: s.uuid() };
const classOption = s.object({ batchId: s.uuid(), startDate: s.date(), endDate: s.date(), venueCode: s.code() });
export type ClassOption = SchemaValue<typeof classOption>;

export const classChangeOfferedEvent = defineEvent(
  'ClassChangeOffered',
  topic,
  "A participant's class was cancelled or rescheduled: they may move to one of these classes of the programme in their province by respondBy.",
  s.object({
    ...who,
    fromBatchId: s.uuid(),
    reason: s.oneOf(CLASS_CHANGE_REASONS),
    options: s.array(classOption, 1),
    /** The last day (WIB) to answer; a cancelled class's participant who has not answered by then is released. */
    respondBy: s.date(),
  }),
);
export type ClassChangeOffered = PayloadOf<typeof classChangeOfferedEvent>;

export const participantMovedEvent = defineEvent(
  'ParticipantMoved',
  topic,
  'A participant moved to another class of the programme, with a seat (selected or confirmed) or a reserve place there.',
  s.object(
    {
      ...who,
      fromBatchId: s.uuid(),
      toBatchId: s.uuid(),
      status: s.oneOf(MOVED_STATUSES),
      /** For a selected seat: the day to confirm it by. */
      confirmBy: s.date(),
    },
    ['confirmBy'],
  ),
);
export type ParticipantMoved = PayloadOf<typeof participantMovedEvent>;

export const participantReleasedEvent = defineEvent(
  'ParticipantReleased',
  topic,
  'A participant whose class was cancelled or rescheduled left it without moving (cause: no-option, declined, no-answer); they may enroll again.',
  s.object({ ...who, batchId: s.uuid(), reason: s.oneOf(CLASS_CHANGE_REASONS), cause: s.oneOf(RELEASE_CAUSES) }),
);
export type ParticipantReleased = PayloadOf<typeof participantReleasedEvent>;

export const attendanceRecordedEvent = defineEvent(
  'AttendanceRecorded',
  topic,
  "A venue operator recorded one participant's presence on one class day; recording the day again publishes the new value.",
  s.object({ batchId: s.uuid(), day: s.date(), enrollmentId: s.uuid(), participantId: s.uuid(), present: s.boolean() }),
);
export type AttendanceRecorded = PayloadOf<typeof attendanceRecordedEvent>;

export const participantCompletedEvent = defineEvent(
  'ParticipantCompleted',
  topic,
  'A participant attended enough of their class (COMPLETION_MIN_ATTENDANCE_PERCENT of its days) to complete the programme.',
  s.object({ ...who, batchId: s.uuid(), attendedDays: s.integer(0), classDays: s.integer(1) }),
);
export type ParticipantCompleted = PayloadOf<typeof participantCompletedEvent>;

export const certificateIssuedEvent = defineEvent(
  'CertificateIssued',
  topic,
  'A completion certificate was issued; anyone can check it at verificationUrl.',
  s.object({
    ...who,
    batchId: s.uuid(),
    certificateNumber: s.string(100),
    verificationCode: s.pattern('^[0-9A-HJKMNP-TV-Z]{10}$'),
    verificationUrl: s.string(500),
    issuedAt: s.dateTime(),
  }),
);
export type CertificateIssued = PayloadOf<typeof certificateIssuedEvent>;

export const participationLetterIssuedEvent = defineEvent(
  'ParticipationLetterIssued',
  topic,
  'A participant attended some of their class but not enough to complete it: a participation letter (surat keterangan mengikuti).',
  s.object(
    {
      ...who,
      batchId: s.uuid(),
      letterNumber: s.string(100),
      attendedDays: s.integer(1),
      classDays: s.integer(1),
      issuedAt: s.dateTime(),
      /** Letters issued since letters are verifiable: anyone can check the letter at verificationUrl. */
      verificationCode: s.pattern('^[0-9A-HJKMNP-TV-Z]{10}$'),
      verificationUrl: s.string(500),
    },
    ['verificationCode', 'verificationUrl'],
  ),
);
export type ParticipationLetterIssued = PayloadOf<typeof participationLetterIssuedEvent>;
