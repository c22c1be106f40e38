import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

const topic = TOPICS.instructorCatalogue.name;

export const trainingModuleSchema = s.object({
  moduleCode: s.described('The module code, e.g. KWU-DASAR; the Kafka key of the module.', s.code()),
  title: s.string(300),
  hours: s.described('Lesson hours (JP, jam pelajaran).', s.integer(1, 1000)),
  ownerPartyCode: s.described('The party that owns the module, e.g. KEMENUMKM.', s.partyCode()),
  version: s.described('The module version; a higher version replaces a lower one.', s.integer(1)),
});

/** What others may know of an instructor: no name or contact details on a public topic. */
const instructorProfile = s.object({
  instructorId: s.uuid(),
  homeProvinceCode: s.provinceCode(),
  competencies: s.setOf(s.code()),
  maxClassesPerPeriod: s.integer(1, 100),
  active: s.boolean(),
});

export const trainingModulePublishedEvent = defineEvent(
  'TrainingModulePublished',
  topic,
  'A training module (or a new version of it) is available for classes.',
  trainingModuleSchema,
);
export type TrainingModulePublished = PayloadOf<typeof trainingModulePublishedEvent>;

export const instructorRegisteredEvent = defineEvent('InstructorRegistered', topic, 'An instructor joined the roster.', instructorProfile);
export const instructorUpdatedEvent = defineEvent(
  'InstructorUpdated',
  topic,
  "An instructor's competencies, load limit or status changed.",
  instructorProfile,
);
export type InstructorProfile = PayloadOf<typeof instructorRegisteredEvent>;
