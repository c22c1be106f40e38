import { EntityManager } from 'typeorm';
import type { InstructorAssigned } from '@sinergi/contracts';
import { InstructorBookingRow } from './directory-instructor.entity';

/**
 * Who instructor-module has booked when, from its assignment events (in order per class: they are keyed by batch id).
 * An announcement with a known assignment id (a re-announcement, or the dates of a moved class) replaces it; a release
 * or withdrawal frees the instructor.
 */
export const instructorBookings = {
  async assigned(manager: EntityManager, assigned: InstructorAssigned): Promise<void> {
    await manager.upsert(
      InstructorBookingRow,
      {
        assignmentId: assigned.assignmentId,
        batchId: assigned.batchId,
        instructorId: assigned.instructorId,
        startDate: assigned.startDate,
        endDate: assigned.endDate,
      },
      ['assignmentId'],
    );
  },

  async ended(manager: EntityManager, assignmentId: string): Promise<void> {
    await manager.delete(InstructorBookingRow, { assignmentId });
  },
};
