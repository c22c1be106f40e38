import { defineEvent } from '../catalog';
import { s } from '../schema';
import { TOPICS } from '../topics';

export interface InstructorAssigned {
  batchId: string;
  assignmentId: string;
  instructorId: string;
  moduleCode: string;
  startDate: string;
  endDate: string;
  /** The instructor this one replaces, when the assignment is a reassignment. */
  replacesInstructorId?: string;
}

export interface InstructorAssignmentRejected {
  batchId: string;
  moduleCode: string;
  reason: string;
}

export interface InstructorAssignmentReleased {
  batchId: string;
  assignmentId: string;
  instructorId: string;
  reason: string;
}

export interface InstructorWithdrawn {
  batchId: string;
  assignmentId: string;
  instructorId: string;
  reason: string;
  /** True when another instructor took over (an InstructorAssigned follows); false tells the saga nobody could. */
  reassigned: boolean;
}

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
      replacesInstructorId: s.uuid(),
    },
    ['replacesInstructorId'],
  ),
);

export const instructorAssignmentRejectedEvent = defineEvent(
  'InstructorAssignmentRejected',
  topic,
  'No instructor competent in the module is free for the class; the reason says why.',
  s.object({ batchId: s.uuid(), moduleCode: s.code(), reason: s.string(500) }),
);

export const instructorAssignmentReleasedEvent = defineEvent(
  'InstructorAssignmentReleased',
  topic,
  'An assignment was released (compensation or cancellation); the instructor is free again.',
  s.object({ batchId: s.uuid(), assignmentId: s.uuid(), instructorId: s.uuid(), reason: s.string(500) }),
);

export const instructorWithdrawnEvent = defineEvent(
  'InstructorWithdrawn',
  topic,
  'An instructor withdrew from a class; reassigned says whether someone took over.',
  s.object({ batchId: s.uuid(), assignmentId: s.uuid(), instructorId: s.uuid(), reason: s.string(500), reassigned: s.boolean() }),
);
