import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

const topic = TOPICS.instructorAssignments.name;

export const instructorAssignedEvent = defineEvent(
  'InstructorAssigned',
  topic,
  'A qualified, free instructor was assigned to every day of a class.',
  s.object(
    {
      batchId: s.uuid(),
      assignmentId: s.uuid(),
      instructorId: s.uuid(),
      moduleCode: s.code(),
      startDate: s.date(),
      endDate: s.date(),
      /** The instructor this one replaces, when the assignment is a reassignment. */
      replacesInstructorId: s.uuid(),
    },
    ['replacesInstructorId'],
  ),
);
export type InstructorAssigned = PayloadOf<typeof instructorAssignedEvent>;

export const instructorAssignmentRejectedEvent = defineEvent(
  'InstructorAssignmentRejected',
  topic,
  'No instructor competent in the module is free for the class; the reason says why.',
  s.object({ batchId: s.uuid(), moduleCode: s.code(), reason: s.string(500) }),
);
export type InstructorAssignmentRejected = PayloadOf<typeof instructorAssignmentRejectedEvent>;

export const instructorAssignmentReleasedEvent = defineEvent(
  'InstructorAssignmentReleased',
  topic,
  'An assignment was released (compensation or cancellation); the instructor is free again.',
  s.object({ batchId: s.uuid(), assignmentId: s.uuid(), instructorId: s.uuid(), reason: s.string(500) }),
);
export type InstructorAssignmentReleased = PayloadOf<typeof instructorAssignmentReleasedEvent>;

export const instructorWithdrawnEvent = defineEvent(
  'InstructorWithdrawn',
  topic,
  'An instructor withdrew from a class; reassigned says whether someone took over.',
  s.object({
    batchId: s.uuid(),
    assignmentId: s.uuid(),
    instructorId: s.uuid(),
    reason: s.string(500),
    /** True when another instructor took over (an InstructorAssigned follows); false tells the saga nobody could. */
    reassigned: s.boolean(),
  }),
);
export type InstructorWithdrawn = PayloadOf<typeof instructorWithdrawnEvent>;
