import { defineEvent, PayloadOf } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';
import { LANGUAGES } from './contacts';
import { BUSINESS_SCALES } from './programmes';

/** At most this many records in one NominationBatchSubmitted, so that a message stays well under Kafka's 1 MB default. */
export const MAX_NOMINATION_RECORDS = 2000;

/**
 * The catalogue accepts any object, so that a bad record (or a bad envelope of records) gets a
 * NominationRecordRejected naming the field and the rule instead of a dead letter.
 */
export const nominationBatchSubmittedEvent = defineEvent(
  'NominationBatchSubmitted',
  TOPICS.kemenumkmNominations.name,
  `KemenUMKM: an institution nominates participants for a programme, at most ${MAX_NOMINATION_RECORDS} records per message (see NominationRecord).`,
  s.anyObject(),
);

const result = {
  /** The CloudEvents id of the NominationBatchSubmitted. */
  sourceEventId: s.string(200),
  institutionId: s.string(100),
  recordRef: s.string(200),
};

export const nominationRecordAcceptedEvent = defineEvent(
  'NominationRecordAccepted',
  TOPICS.kemenumkmNominationResults.name,
  'A nominated record was registered (or matched by NIK) and enrolled with channel nomination.',
  s.object({ ...result, participantId: s.uuid(), enrollmentId: s.uuid() }),
);
export type NominationRecordAccepted = PayloadOf<typeof nominationRecordAcceptedEvent>;

export const nominationRecordRejectedEvent = defineEvent(
  'NominationRecordRejected',
  TOPICS.kemenumkmNominationResults.name,
  'A nominated record was refused; each problem names the field and the rule, never the value.',
  s.object({ ...result, problems: s.array(s.problem(), 1) }),
);
export type NominationRecordRejected = PayloadOf<typeof nominationRecordRejectedEvent>;

/** The envelope of records, checked first; the records are checked one by one with nominationRecordSchema. */
export const nominationBatchSchema = s.object({
  institutionId: s.string(100),
  programmeId: s.uuid(),
  records: s.array(s.unknown()),
});

/** One nominated person. The receiving service checks it record by record. */
export const nominationRecordSchema = s.object(
  {
    /** The sender's own reference for the record, unique within its institution; results name it. */
    recordRef: s.string(200),
    /** Checked by the service's NIK rules, which say what is wrong without quoting it. */
    nik: s.string(32),
    fullName: s.string(200),
    birthDate: s.date(),
    gender: s.oneOf(['F', 'M']),
    /** An Indonesian mobile number, 08..., 628... or +628... (spaces and dashes allowed), as self-service takes it. */
    phone: s.string(40),
    email: s.email(),
    provinceCode: s.provinceCode(),
    language: s.oneOf(LANGUAGES),
    business: s.object({ nib: s.string(32), scale: s.oneOf(BUSINESS_SCALES), sector: s.string(200) }, ['nib']),
    /** A class of the programme; without it the participant's province decides. */
    batchId: s.uuid(),
    /** The institution's score for ranked selection: higher ranks first. */
    score: s.number(0, 1000000),
  },
  ['email', 'language', 'batchId', 'score'],
);
export type NominationRecord = SchemaValue<typeof nominationRecordSchema>;
