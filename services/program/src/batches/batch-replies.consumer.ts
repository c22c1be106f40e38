import { Controller, Logger } from '@nestjs/common';
import {
  BatchFillChanged,
  batchFillChangedEvent,
  InstructorAssigned,
  instructorAssignedEvent,
  InstructorAssignmentReleased,
  instructorAssignmentReleasedEvent,
  InstructorAssignmentRejected,
  instructorAssignmentRejectedEvent,
  InstructorWithdrawn,
  instructorWithdrawnEvent,
  VenueReservationEnded,
  venueReservationRejectedEvent,
  VenueReservationRejected,
  venueReservationReleasedEvent,
  venueReservationWithdrawnEvent,
  VenueReserved,
  venueReservedEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { instructorBookings } from '../instructor-directory/instructor-bookings';
import { Batch } from './batch.entity';
import { SagaInput } from './batch-saga.rules';
import { BatchSaga } from './batch-saga.service';
import { BatchTransition } from './batch-transition.entity';

/**
 * Venue-capacity's and instructor-module's answers to the saga, and enrollment's fill counts. Every assignment event
 * also keeps the planner's copy of who is booked when (whatever the saga makes of it: it mirrors instructor-module). A reply that does not fit
 * (late, duplicate, unknown batch) is recorded or logged, never thrown: throwing would only
 * retry it and park it on the dead-letter topic.
 */
@Controller()
export class BatchRepliesConsumer {
  private readonly logger = new Logger(BatchRepliesConsumer.name);

  constructor(private readonly saga: BatchSaga) {}

  @OnEvent(venueReservedEvent)
  onVenueReserved(reply: VenueReserved, context: InboxContext): Promise<void> {
    return this.apply(context, reply.batchId, { kind: 'venue-reserved', reservationId: reply.reservationId, roomCode: reply.roomCode });
  }

  @OnEvent(venueReservationRejectedEvent)
  onVenueRejected(reply: VenueReservationRejected, context: InboxContext): Promise<void> {
    return this.apply(context, reply.batchId, { kind: 'venue-rejected', rule: reply.rule, reason: reply.reason });
  }

  @OnEvent(venueReservationWithdrawnEvent)
  onVenueWithdrawn(reply: VenueReservationEnded, context: InboxContext): Promise<void> {
    return this.apply(context, reply.batchId, { kind: 'venue-withdrawn', reservationId: reply.reservationId, reason: reply.reason });
  }

  @OnEvent(instructorAssignedEvent)
  async onInstructorAssigned(reply: InstructorAssigned, context: InboxContext): Promise<void> {
    await instructorBookings.assigned(context.manager, reply);
    return this.apply(context, reply.batchId, {
      kind: 'instructor-assigned',
      assignmentId: reply.assignmentId,
      instructorId: reply.instructorId,
      ...(reply.replacesInstructorId ? { replacesInstructorId: reply.replacesInstructorId } : {}),
    });
  }

  @OnEvent(instructorAssignmentRejectedEvent)
  onInstructorRejected(reply: InstructorAssignmentRejected, context: InboxContext): Promise<void> {
    return this.apply(context, reply.batchId, { kind: 'instructor-rejected', reason: reply.reason });
  }

  @OnEvent(instructorWithdrawnEvent)
  async onInstructorWithdrawn(reply: InstructorWithdrawn, context: InboxContext): Promise<void> {
    await instructorBookings.ended(context.manager, reply.assignmentId);
    return this.apply(context, reply.batchId, {
      kind: 'instructor-withdrawn',
      assignmentId: reply.assignmentId,
      reassigned: reply.reassigned,
      reason: reply.reason,
    });
  }

  /** Enrollment's fill of a class: recorded for the timer's confirm-by check. */
  @OnEvent(batchFillChangedEvent)
  async onBatchFillChanged(fill: BatchFillChanged, context: InboxContext): Promise<void> {
    const recorded = await this.saga.recordFill(context.manager, fill, new Date(context.envelope.time), context.envelope.type);
    if (recorded === undefined)
      this.logger.warn(`${context.envelope.type} ${context.envelope.id} names unknown batch ${fill.batchId}; ignored`);
  }

  /** Compensation done: only worth a line in the batch's history. */
  @OnEvent(venueReservationReleasedEvent)
  onVenueReleased(reply: VenueReservationEnded, context: InboxContext): Promise<void> {
    return this.note(context, reply.batchId, `reservation ${reply.reservationId} released: ${reply.reason}`);
  }

  @OnEvent(instructorAssignmentReleasedEvent)
  async onInstructorReleased(reply: InstructorAssignmentReleased, context: InboxContext): Promise<void> {
    await instructorBookings.ended(context.manager, reply.assignmentId);
    return this.note(context, reply.batchId, `assignment ${reply.assignmentId} released: ${reply.reason}`);
  }

  private async apply(context: InboxContext, batchId: string, input: SagaInput): Promise<void> {
    const decision = await this.saga.apply(context.manager, batchId, input, context.envelope.type);
    if (!decision) this.logger.warn(`${context.envelope.type} ${context.envelope.id} names unknown batch ${batchId}; ignored`);
  }

  private async note(context: InboxContext, batchId: string, note: string): Promise<void> {
    const batch = await context.manager.findOneBy(Batch, { id: batchId });
    if (!batch) return;
    await context.manager.insert(BatchTransition, {
      batchId,
      trigger: context.envelope.type,
      fromStatus: batch.status,
      toStatus: batch.status,
      eventType: null,
      applied: false,
      note,
    });
  }
}
