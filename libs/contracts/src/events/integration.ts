import { defineEvent, defineInboundEvent } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';
import { trainingModuleSchema } from './instructor-catalogue';
import { roomSchema, VENUE_KINDS } from './venues';

/*
 * Inbound ministry records are published with their complete schemas, and checked record by record by the
 * receiving service with those same schemas (`checkedPerRecord`), so each bad record gets a Rejected result
 * naming the field and the rule, instead of a dead letter.
 */

const accepted = s.object({
  /** The CloudEvents id of the inbound message. */
  sourceEventId: s.string(200),
  recordType: s.string(100),
  recordRef: s.string(200),
});
const rejected = s.object({
  sourceEventId: s.string(200),
  recordType: s.string(100),
  recordRef: s.string(200),
  problems: s.array(s.problem(), 1),
});
export type RecordAccepted = SchemaValue<typeof accepted>;
export type RecordRejected = SchemaValue<typeof rejected>;
export type RecordProblem = RecordRejected['problems'][number];

export const venueRecordAcceptedEvent = defineEvent('VenueRecordAccepted', TOPICS.kemnakerVenueResults.name, 'An inbound venue record was applied.', accepted);
export const venueRecordRejectedEvent = defineEvent(
  'VenueRecordRejected',
  TOPICS.kemnakerVenueResults.name,
  'An inbound venue record was refused; each problem names the field and the rule.',
  rejected,
);

export const rosterRecordAcceptedEvent = defineEvent('RosterRecordAccepted', TOPICS.kemenumkmRosterResults.name, 'An inbound roster record was applied.', accepted);
export const rosterRecordRejectedEvent = defineEvent(
  'RosterRecordRejected',
  TOPICS.kemenumkmRosterResults.name,
  'An inbound roster record was refused; each problem names the field and the rule.',
  rejected,
);

/** The strict shapes of inbound records, checked by the receiving service and published as the contract. */
export const venueUpsertedRecordSchema = s.object(
  {
    venueCode: s.described('Kemnaker\'s code of the training centre; the Kafka key and the recordRef of the result.', s.code()),
    name: s.string(200),
    kind: s.described('BLK (Balai Latihan Kerja), BBPVP or BPVP.', s.oneOf(VENUE_KINDS)),
    provinceCode: s.described('Kemendagri province code (the one inside a NIK), e.g. 36 for Banten.', s.provinceCode()),
    city: s.string(200),
    rooms: s.described('Every room of the centre: the full list, replacing what was sent before.', s.array(roomSchema, 1)),
    closedDays: s.described('Days the whole centre is closed (YYYY-MM-DD); left out: none.', s.setOf(s.date())),
  },
  ['closedDays'],
);
export type VenueUpsertedRecord = SchemaValue<typeof venueUpsertedRecordSchema>;

export const trainingModuleUpsertedRecordSchema = trainingModuleSchema;

export const instructorUpsertedRecordSchema = s.object(
  {
    externalRef: s.described("KemenUMKM's own id for the instructor; the Kafka key and the recordRef of the result.", s.string(100)),
    fullName: s.string(200),
    email: s.email(),
    phone: s.described('An Indonesian mobile number: 08..., 628... or +628...', s.pattern('^(\\+62|62|0)8[0-9]{7,12}$')),
    homeProvinceCode: s.described('Kemendagri province code (the one inside a NIK) of where the instructor lives.', s.provinceCode()),
    competencies: s.described('Codes of the training modules the instructor may teach.', s.setOf(s.code(), 1)),
    maxClassesPerPeriod: s.integer(1, 100),
    unavailableDays: s.described('Days the instructor cannot teach (YYYY-MM-DD); left out: none.', s.setOf(s.date())),
    active: s.boolean(),
  },
  ['email', 'phone', 'unavailableDays'],
);
export type InstructorUpsertedRecord = SchemaValue<typeof instructorUpsertedRecordSchema>;

export const venueUpsertedEvent = defineInboundEvent(
  'VenueUpserted',
  TOPICS.kemnakerVenues.name,
  'Kemnaker venue catalogue: a training centre with its rooms and closed days, one centre per message. Answered on the results topic.',
  venueUpsertedRecordSchema,
  [
    {
      venueCode: 'BBPVP-SERANG',
      name: 'BBPVP Serang',
      kind: 'BBPVP',
      provinceCode: '36',
      city: 'Serang',
      rooms: [{ roomCode: 'R-101', name: 'Ruang Teori 1', seats: 24 }],
      closedDays: ['2025-05-29'],
    },
  ],
);

export const trainingModuleUpsertedEvent = defineInboundEvent(
  'TrainingModuleUpserted',
  TOPICS.kemenumkmRoster.name,
  'KemenUMKM roster: a training module, keyed by its module code. Answered on the roster results topic.',
  trainingModuleUpsertedRecordSchema,
  [{ moduleCode: 'KWU-DASAR', title: 'Kewirausahaan Dasar', hours: 40, ownerPartyCode: 'KEMENUMKM', version: 1 }],
);

export const instructorUpsertedEvent = defineInboundEvent(
  'InstructorUpserted',
  TOPICS.kemenumkmRoster.name,
  'KemenUMKM roster: an instructor with competencies and availability, keyed by externalRef. Answered on the roster results topic.',
  instructorUpsertedRecordSchema,
  [
    {
      externalRef: 'KUMKM-0001',
      fullName: 'Contoh Instruktur',
      email: 'instruktur@example.id',
      phone: '081234567890',
      homeProvinceCode: '32',
      competencies: ['KWU-DASAR'],
      maxClassesPerPeriod: 4,
      unavailableDays: ['2025-05-15'],
      active: true,
    },
  ],
);
