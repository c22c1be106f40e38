import { Controller } from '@nestjs/common';
import {
  InstructorAssigned,
  instructorAssignedEvent,
  InstructorAssignmentReleased,
  instructorAssignmentReleasedEvent,
  InstructorWithdrawn,
  instructorWithdrawnEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { ClassInstructor } from './class-instructor.entity';

/**
 * Keeps each class's current instructor, for an instructor's `own` reach over its register. A class's assignment
 * events share its key, so they come in order: a reassignment's InstructorWithdrawn before the InstructorAssigned
 * that replaces it. An assignment's end removes it only while it is still the current one.
 */
@Controller()
export class ClassInstructorsConsumer {
  /** A new assignment, or the same one announced again (e.g. after a reschedule it survived). */
  @OnEvent(instructorAssignedEvent)
  async onInstructorAssigned(assigned: InstructorAssigned, context: InboxContext): Promise<void> {
    await context.manager.upsert(ClassInstructor, { batchId: assigned.batchId, assignmentId: assigned.assignmentId, instructorId: assigned.instructorId }, ['batchId']);
  }

  @OnEvent(instructorAssignmentReleasedEvent)
  async onAssignmentReleased(released: InstructorAssignmentReleased, context: InboxContext): Promise<void> {
    await context.manager.delete(ClassInstructor, { batchId: released.batchId, assignmentId: released.assignmentId });
  }

  /** Whether or not someone took over: a replacement comes as an InstructorAssigned of its own. */
  @OnEvent(instructorWithdrawnEvent)
  async onInstructorWithdrawn(withdrawn: InstructorWithdrawn, context: InboxContext): Promise<void> {
    await context.manager.delete(ClassInstructor, { batchId: withdrawn.batchId, assignmentId: withdrawn.assignmentId });
  }
}
