import { defineEvent } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';
import { trainingModuleSchema } from './instructor-catalogue';
import { roomSchema, VENUE_KINDS } from './venues';

/*
 * Inbound ministry records are checked record by record by the receiving service, so the
 * catalogue accepts any object as their payload and each bad record gets a Rejected result
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

export const venueUpsertedEvent = defineEvent(
  'VenueUpserted',
  TOPICS.kemnakerVenues.name,
  'Kemnaker venue catalogue: a training centre with its rooms and closed days (see VenueUpsertedRecord).',
  s.anyObject(),
);
export const venueRecordAcceptedEvent = defineEvent('VenueRecordAccepted', TOPICS.kemnakerVenueResults.name, 'An inbound venue record was applied.', accepted);
export const venueRecordRejectedEvent = defineEvent(
  'VenueRecordRejected',
  TOPICS.kemnakerVenueResults.name,
  'An inbound venue record was refused; each problem names the field and the rule.',
  rejected,
);

export const trainingModuleUpsertedEvent = defineEvent(
  'TrainingModuleUpserted',
  TOPICS.kemenumkmRoster.name,
  'KemenUMKM roster: a training module (see TrainingModuleUpsertedRecord).',
  s.anyObject(),
);
export const instructorUpsertedEvent = defineEvent(
  'InstructorUpserted',
  TOPICS.kemenumkmRoster.name,
  'KemenUMKM roster: an instructor with competencies and availability (see InstructorUpsertedRecord).',
  s.anyObject(),
);
export const rosterRecordAcceptedEvent = defineEvent('RosterRecordAccepted', TOPICS.kemenumkmRosterResults.name, 'An inbound roster record was applied.', accepted);
export const rosterRecordRejectedEvent = defineEvent(
  'RosterRecordRejected',
  TOPICS.kemenumkmRosterResults.name,
  'An inbound roster record was refused; each problem names the field and the rule.',
  rejected,
);

/** The strict shapes of inbound records, checked by the receiving service. */
export const venueUpsertedRecordSchema = s.object(
  {
    venueCode: s.code(),
    name: s.string(200),
    kind: s.oneOf(VENUE_KINDS),
    provinceCode: s.provinceCode(),
    city: s.string(200),
    rooms: s.array(roomSchema, 1),
    closedDays: s.setOf(s.date()),
  },
  ['closedDays'],
);
export type VenueUpsertedRecord = SchemaValue<typeof venueUpsertedRecordSchema>;

export const trainingModuleUpsertedRecordSchema = trainingModuleSchema;

export const instructorUpsertedRecordSchema = s.object(
  {
    /** KemenUMKM's own id for the instructor; the key of the record. */
    externalRef: s.string(100),
    fullName: s.string(200),
    email: s.email(),
    phone: s.pattern('^(\\+62|62|0)8[0-9]{7,12}$'),
    homeProvinceCode: s.provinceCode(),
    competencies: s.setOf(s.code(), 1),
    maxClassesPerPeriod: s.integer(1, 100),
    unavailableDays: s.setOf(s.date()),
    active: s.boolean(),
  },
  ['email', 'phone', 'unavailableDays'],
);
export type InstructorUpsertedRecord = SchemaValue<typeof instructorUpsertedRecordSchema>;
