import { defineEvent, defineInboundEvent, PayloadOf } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';
import { LANGUAGES } from './contacts';
import { BUSINESS_SCALES } from './programmes';

/** At most this many records in one NominationBatchSubmitted, so that a message stays well under Kafka's 1 MB default. */
export const MAX_NOMINATION_RECORDS = 2000;

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

const batchFields = {
  institutionId: s.described("The nominating institution; also the Kafka key, so one institution's batches stay in order.", s.string(100)),
  programmeId: s.described('The programme the participants are nominated for.', s.uuid()),
};

/** The envelope of records, checked first; the records are checked one by one with nominationRecordSchema. */
export const nominationBatchSchema = s.object({ ...batchFields, records: s.array(s.unknown()) });

/** One nominated person. The receiving service checks it record by record. */
export const nominationRecordSchema = s.object(
  {
    recordRef: s.described("The sender's own reference for the record, unique within its institution; results name it.", s.string(200)),
    nik: s.described(
      "The participant's NIK (16 digits), checked by the service's NIK rules, which say what is wrong without quoting it.",
      s.string(32),
    ),
    fullName: s.string(200),
    birthDate: s.date(),
    gender: s.oneOf(['F', 'M']),
    phone: s.described(
      'An Indonesian mobile number, 08..., 628... or +628... (spaces and dashes allowed), as self-service takes it.',
      s.string(40),
    ),
    email: s.email(),
    provinceCode: s.described(
      'Kemendagri province code (the one inside a NIK) of where the participant lives; it decides the class when batchId is left out.',
      s.provinceCode(),
    ),
    language: s.described('The language of the messages the participant gets; left out: id.', s.oneOf(LANGUAGES)),
    business: s.object({ nib: s.string(32), scale: s.oneOf(BUSINESS_SCALES), sector: s.string(200) }, ['nib']),
    batchId: s.described("A class of the programme; left out: the participant's province decides.", s.uuid()),
    score: s.described("The institution's score for ranked selection: higher ranks first.", s.number(0, 1000000)),
  },
  ['email', 'language', 'batchId', 'score'],
);
export type NominationRecord = SchemaValue<typeof nominationRecordSchema>;

export const nominationBatchSubmittedEvent = defineInboundEvent(
  'NominationBatchSubmitted',
  TOPICS.kemenumkmNominations.name,
  `KemenUMKM: an institution nominates participants for a programme, at most ${MAX_NOMINATION_RECORDS} records per message. ` +
    'Every record is answered on the results topic, accepted or rejected with field and rule.',
  s.object({
    ...batchFields,
    records: s.described(
      `The nominated people, at most ${MAX_NOMINATION_RECORDS}; each is checked and answered on its own.`,
      s.array(nominationRecordSchema, 0, MAX_NOMINATION_RECORDS),
    ),
  }),
  [
    {
      institutionId: 'DINAS-KUKM-JABAR',
      programmeId: '5b4c1f0e-6a7d-4e2b-9c3a-1d2e3f4a5b6c',
      records: [
        {
          recordRef: 'JABAR-2025-0001',
          nik: '3273015505900001',
          fullName: 'Contoh Peserta',
          birthDate: '1990-05-15',
          gender: 'F',
          phone: '081234567890',
          email: 'peserta@example.id',
          provinceCode: '32',
          language: 'id',
          business: { nib: '1234567890123', scale: 'micro', sector: 'kuliner' },
          score: 87.5,
        },
      ],
    },
  ],
);
