import { defineEvent } from '../catalog';
import { s } from '../schema';
import { TOPICS } from '../topics';

export interface TrainingModulePublished {
  moduleCode: string;
  title: string;
  /** Lesson hours (JP, jam pelajaran). */
  hours: number;
  ownerPartyCode: string;
  version: number;
}

/** What others may know of an instructor: no name or contact details on a public topic. */
export interface InstructorProfile {
  instructorId: string;
  homeProvinceCode: string;
  competencies: string[];
  maxClassesPerPeriod: number;
  active: boolean;
}

const topic = TOPICS.instructorCatalogue.name;

export const trainingModuleSchema = s.object({
  moduleCode: s.code(),
  title: s.string(300),
  hours: s.integer(1, 1000),
  ownerPartyCode: { type: 'string', pattern: '^[A-Z][A-Z0-9_-]{1,31}$' },
  version: s.integer(1),
});

const instructorProfile = s.object({
  instructorId: s.uuid(),
  homeProvinceCode: s.provinceCode(),
  competencies: { type: 'array', uniqueItems: true, items: s.code() },
  maxClassesPerPeriod: s.integer(1, 100),
  active: s.boolean(),
});

export const trainingModulePublishedEvent = defineEvent(
  'TrainingModulePublished',
  topic,
  'A training module (or a new version of it) is available for classes.',
  trainingModuleSchema,
);
export const instructorRegisteredEvent = defineEvent('InstructorRegistered', topic, 'An instructor joined the roster.', instructorProfile);
export const instructorUpdatedEvent = defineEvent('InstructorUpdated', topic, "An instructor's competencies, load limit or status changed.", instructorProfile);
