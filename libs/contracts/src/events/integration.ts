import { defineEvent } from '../catalog';
import { s } from '../schema';
import { TOPICS } from '../topics';

/**
 * Inbound ministry records are checked record by record by the receiving service, so the
 * catalogue accepts any object as their payload and each bad record gets a Rejected result
 * naming the field and the rule, instead of a dead letter.
 */
const anyRecord = { type: 'object' };

export interface RecordProblem {
  field: string;
  rule: string;
}

export interface RecordAccepted {
  /** The CloudEvents id of the inbound message. */
  sourceEventId: string;
  recordType: string;
  recordRef: string;
}

export interface RecordRejected extends RecordAccepted {
  problems: RecordProblem[];
}

const accepted = s.object({ sourceEventId: s.string(200), recordType: s.string(100), recordRef: s.string(200) });
const rejected = s.object({
  sourceEventId: s.string(200),
  recordType: s.string(100),
  recordRef: s.string(200),
  problems: s.array(s.object({ field: s.string(200), rule: s.string(500) }), 1),
});

export const venueUpsertedEvent = defineEvent(
  'VenueUpserted',
  TOPICS.kemnakerVenues.name,
  'Kemnaker venue catalogue: a training centre with its rooms and closed days (see VenueUpsertedRecord).',
  anyRecord,
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
  anyRecord,
);
export const instructorUpsertedEvent = defineEvent(
  'InstructorUpserted',
  TOPICS.kemenumkmRoster.name,
  'KemenUMKM roster: an instructor with competencies and availability (see InstructorUpsertedRecord).',
  anyRecord,
);
export const rosterRecordAcceptedEvent = defineEvent('RosterRecordAccepted', TOPICS.kemenumkmRosterResults.name, 'An inbound roster record was applied.', accepted);
export const rosterRecordRejectedEvent = defineEvent(
  'RosterRecordRejected',
  TOPICS.kemenumkmRosterResults.name,
  'An inbound roster record was refused; each problem names the field and the rule.',
  rejected,
);

/** The strict shapes of inbound records, checked by the receiving service. */
export interface VenueUpsertedRecord {
  venueCode: string;
  name: string;
  kind: 'BLK' | 'BBPVP' | 'BPVP';
  provinceCode: string;
  city: string;
  rooms: Array<{ roomCode: string; name: string; seats: number }>;
  closedDays?: string[];
}

export interface InstructorUpsertedRecord {
  /** KemenUMKM's own id for the instructor; the key of the record. */
  externalRef: string;
  fullName: string;
  email?: string;
  phone?: string;
  homeProvinceCode: string;
  competencies: string[];
  maxClassesPerPeriod: number;
  unavailableDays?: string[];
  active: boolean;
}

export const venueUpsertedRecordSchema = s.object(
  {
    venueCode: s.code(),
    name: s.string(200),
    kind: s.oneOf(['BLK', 'BBPVP', 'BPVP']),
    provinceCode: s.provinceCode(),
    city: s.string(200),
    rooms: s.array(s.object({ roomCode: s.code(), name: s.string(200), seats: s.integer(1, 500) }), 1),
    closedDays: { type: 'array', uniqueItems: true, items: s.date() },
  },
  ['closedDays'],
);

export const trainingModuleUpsertedRecordSchema = s.object({
  moduleCode: s.code(),
  title: s.string(300),
  hours: s.integer(1, 1000),
  ownerPartyCode: { type: 'string', pattern: '^[A-Z][A-Z0-9_-]{1,31}$' },
  version: s.integer(1),
});

export const instructorUpsertedRecordSchema = s.object(
  {
    externalRef: s.string(100),
    fullName: s.string(200),
    email: { type: 'string', format: 'email', maxLength: 200 },
    phone: { type: 'string', pattern: '^(\\+62|62|0)8[0-9]{7,12}$' },
    homeProvinceCode: s.provinceCode(),
    competencies: { type: 'array', minItems: 1, uniqueItems: true, items: s.code() },
    maxClassesPerPeriod: s.integer(1, 100),
    unavailableDays: { type: 'array', uniqueItems: true, items: s.date() },
    active: s.boolean(),
  },
  ['email', 'phone', 'unavailableDays'],
);
