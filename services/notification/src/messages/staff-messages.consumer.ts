import { Controller } from '@nestjs/common';
import {
  AgreementSigned,
  agreementSignedEvent,
  InstructorAssigned,
  instructorAssignedEvent,
  InstructorAssignmentReleased,
  instructorAssignmentReleasedEvent,
  InstructorWithdrawn,
  instructorWithdrawnEvent,
  VenueReservationEnded,
  venueReservationReleasedEvent,
  venueReservationWithdrawnEvent,
  VenueReserved,
  venueReservedEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';

/** Messages to the people who run a class: its instructor, its venue's operator, and the parties' admins. */
@Controller()
export class StaffMessagesConsumer {
  constructor(private readonly planner: DeliveryPlanner) {}

  @OnEvent(instructorAssignedEvent)
  async onAssigned(event: InstructorAssigned, context: InboxContext): Promise<void> {
    await context.manager.query(`UPDATE classes SET instructor_id = $2 WHERE batch_id = $1`, [event.batchId, event.instructorId]);
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'instructor', recipientId: event.instructorId, template: 'instructor-assigned', batchId: event.batchId },
    ]);
  }

  @OnEvent(instructorAssignmentReleasedEvent)
  async onReleased(event: InstructorAssignmentReleased, context: InboxContext): Promise<void> {
    await this.tellReleased(context, event);
  }

  @OnEvent(instructorWithdrawnEvent)
  async onWithdrawn(event: InstructorWithdrawn, context: InboxContext): Promise<void> {
    await this.tellReleased(context, event);
  }

  @OnEvent(venueReservedEvent)
  async onVenueReserved(event: VenueReserved, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      {
        recipientKind: 'venue-operator',
        recipientId: event.venueCode,
        template: 'venue-reserved',
        batchId: event.batchId,
        params: { roomCode: event.roomCode, startDate: event.startDate, endDate: event.endDate },
      },
    ]);
  }

  @OnEvent(venueReservationReleasedEvent)
  async onVenueReleased(event: VenueReservationEnded, context: InboxContext): Promise<void> {
    await this.tellVenueReleased(context, event);
  }

  @OnEvent(venueReservationWithdrawnEvent)
  async onVenueWithdrawn(event: VenueReservationEnded, context: InboxContext): Promise<void> {
    await this.tellVenueReleased(context, event);
  }

  /** Each party's admin desk (admin id = party code, e.g. KEMNAKER) hears of a newly signed agreement. */
  @OnEvent(agreementSignedEvent)
  async onAgreementSigned(agreement: AgreementSigned, context: InboxContext): Promise<void> {
    await this.planner.plan(
      context.manager,
      context.envelope,
      agreement.parties.map((party) => ({ recipientKind: 'admin' as const, recipientId: party.code, template: 'agreement-signed' as const, params: { agreementId: agreement.agreementId } })),
    );
  }

  private async tellReleased(context: InboxContext, event: InstructorAssignmentReleased | InstructorWithdrawn): Promise<void> {
    await context.manager.query(`UPDATE classes SET instructor_id = NULL WHERE batch_id = $1 AND instructor_id = $2`, [event.batchId, event.instructorId]);
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'instructor', recipientId: event.instructorId, template: 'instructor-released', batchId: event.batchId, params: { reason: event.reason } },
    ]);
  }

  private async tellVenueReleased(context: InboxContext, event: VenueReservationEnded): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'venue-operator', recipientId: event.venueCode, template: 'venue-released', batchId: event.batchId, params: { roomCode: event.roomCode, reason: event.reason } },
    ]);
  }
}
