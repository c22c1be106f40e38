import { Controller } from '@nestjs/common';
import {
  CertificateIssued,
  certificateIssuedEvent,
  ClassChangeOffered,
  classChangeOfferedEvent,
  EnrollmentAccepted,
  enrollmentAcceptedEvent,
  EnrollmentRejected,
  enrollmentRejectedEvent,
  EnrollmentSubmitted,
  enrollmentSubmittedEvent,
  EnrollmentWithdrawn,
  enrollmentWithdrawnEvent,
  ParticipantMoved,
  participantMovedEvent,
  ParticipantNotSelected,
  participantNotSelectedEvent,
  ParticipantReleased,
  participantReleasedEvent,
  ParticipationLetterIssued,
  participationLetterIssuedEvent,
  ParticipantReserved,
  participantReservedEvent,
  ParticipantSelected,
  participantSelectedEvent,
  ReservePromoted,
  reservePromotedEvent,
  SeatDecision,
  seatConfirmedEvent,
  SeatExpired,
  seatExpiredEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { PlannedDelivery } from '../deliveries/delivery-plan.rules';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';
import { NotificationConfig } from '../notification.config';
import { ClassAsItStands, recordPlace } from './class-places';
import { confirmByReminderAt, startReminderAt } from './reminders.rules';


/**
 * What enrollment's decisions mean to the participant, and notification's own record of who holds a place in which
 * class (to tell them all when the class is cancelled or rescheduled).
 */
@Controller()
export class EnrollmentMessagesConsumer {
  constructor(
    private readonly planner: DeliveryPlanner,
    private readonly config: NotificationConfig,
  ) {}

  @OnEvent(enrollmentSubmittedEvent)
  async onSubmitted(event: EnrollmentSubmitted, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'participant', recipientId: event.participantId, template: 'enrollment-received', enrollmentId: event.enrollmentId },
    ]);
  }

  @OnEvent(enrollmentRejectedEvent)
  async onRejected(event: EnrollmentRejected, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'participant', recipientId: event.participantId, template: 'enrollment-rejected', enrollmentId: event.enrollmentId },
    ]);
  }

  @OnEvent(participantNotSelectedEvent)
  async onNotSelected(event: ParticipantNotSelected, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'participant', recipientId: event.participantId, template: 'not-selected', enrollmentId: event.enrollmentId },
    ]);
  }

  @OnEvent(participantReservedEvent)
  async onReserved(event: ParticipantReserved, context: InboxContext): Promise<void> {
    await recordPlace(context.manager, event, 'reserved');
    await this.planner.plan(context.manager, context.envelope, [
      { ...this.about(event), template: 'waitlisted', params: { rank: event.rank } },
    ]);
  }

  @OnEvent(participantSelectedEvent)
  async onSelected(event: ParticipantSelected, context: InboxContext): Promise<void> {
    await this.offerSeat(context, event, 'selected');
  }

  @OnEvent(reservePromotedEvent)
  async onPromoted(event: ReservePromoted, context: InboxContext): Promise<void> {
    await this.offerSeat(context, event, 'promoted');
  }

  @OnEvent(seatConfirmedEvent)
  async onConfirmed(event: SeatDecision, context: InboxContext): Promise<void> {
    const batch = await recordPlace(context.manager, event, 'confirmed');
    await this.planner.cancelForEnrollment(context.manager, event.enrollmentId, ['confirm-by-reminder'], 'seat confirmed');
    await this.planStartReminder(context, event, batch);
  }

  @OnEvent(seatExpiredEvent)
  async onExpired(event: SeatExpired, context: InboxContext): Promise<void> {
    await recordPlace(context.manager, event, 'gone');
    await this.planner.cancelForEnrollment(context.manager, event.enrollmentId, ['confirm-by-reminder', 'start-reminder'], 'seat expired');
    await this.planner.plan(context.manager, context.envelope, [{ ...this.about(event), template: 'seat-expired' }]);
  }

  @OnEvent(enrollmentWithdrawnEvent)
  async onWithdrawn(event: EnrollmentWithdrawn, context: InboxContext): Promise<void> {
    await context.manager.query(`UPDATE class_places SET status = 'gone' WHERE enrollment_id = $1`, [event.enrollmentId]);
    await this.planner.cancelForEnrollment(context.manager, event.enrollmentId, ['confirm-by-reminder', 'start-reminder'], 'enrollment withdrawn');
  }

  @OnEvent(enrollmentAcceptedEvent)
  async onAccepted(event: EnrollmentAccepted, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'participant', recipientId: event.participantId, template: 'enrollment-accepted', enrollmentId: event.enrollmentId, params: { awaitingSelection: event.awaitingSelection } },
    ]);
  }

  @OnEvent(classChangeOfferedEvent)
  async onChangeOffered(event: ClassChangeOffered, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      {
        ...this.about({ ...event, batchId: event.fromBatchId }),
        template: 'class-change-offered',
        params: { reason: event.reason, options: event.options.length, respondBy: event.respondBy },
      },
    ]);
  }

  /** The old class's reminders go; the new class gets the reminders its place calls for. */
  @OnEvent(participantMovedEvent)
  async onMoved(event: ParticipantMoved, context: InboxContext): Promise<void> {
    const decision = { ...event, batchId: event.toBatchId };
    await this.planner.cancelForEnrollment(context.manager, event.enrollmentId, ['confirm-by-reminder', 'start-reminder'], 'moved to another class');
    const batch = await recordPlace(context.manager, decision, event.status);
    const confirmBy = event.status === 'selected' ? event.confirmBy : undefined;
    await this.planner.plan(context.manager, context.envelope, [
      { ...this.about(decision), template: 'participant-moved', params: confirmBy ? { confirmBy } : {} },
      ...(confirmBy ? this.confirmByReminder(decision, confirmBy) : []),
    ]);
    if (event.status === 'confirmed') await this.planStartReminder(context, decision, batch);
  }

  @OnEvent(participantReleasedEvent)
  async onReleased(event: ParticipantReleased, context: InboxContext): Promise<void> {
    await recordPlace(context.manager, event, 'gone');
    await this.planner.cancelForEnrollment(context.manager, event.enrollmentId, ['confirm-by-reminder', 'start-reminder'], 'released from the class');
    await this.planner.plan(context.manager, context.envelope, [{ ...this.about(event), template: 'participant-released' }]);
  }

  @OnEvent(certificateIssuedEvent)
  async onCertificate(event: CertificateIssued, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { ...this.about(event), template: 'certificate-issued', params: { certificateNumber: event.certificateNumber, verificationUrl: event.verificationUrl } },
    ]);
  }

  @OnEvent(participationLetterIssuedEvent)
  async onParticipationLetter(event: ParticipationLetterIssued, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      {
        ...this.about(event),
        template: 'participation-letter-issued',
        params: { letterNumber: event.letterNumber, attendedDays: event.attendedDays, classDays: event.classDays, ...(event.verificationUrl ? { verificationUrl: event.verificationUrl } : {}) },
      },
    ]);
  }

  /** The start reminder, N days before the first day at 08:00 WIB; untimed until the class's dates are known. */
  private async planStartReminder(context: InboxContext, decision: SeatDecision, batch: ClassAsItStands): Promise<void> {
    if (batch.status === 'cancelled') return;
    const sendAt = startReminderAt(batch.startDate, this.config.START_REMINDER_DAYS_BEFORE, new Date());
    if (sendAt) await this.planner.plan(context.manager, context.envelope, [{ ...this.about(decision), template: 'start-reminder', sendAt }]);
  }

  private confirmByReminder(decision: SeatDecision, confirmBy: string): PlannedDelivery[] {
    const reminderAt = confirmByReminderAt(confirmBy, new Date());
    return reminderAt ? [{ ...this.about(decision), template: 'confirm-by-reminder', params: { confirmBy }, sendAt: reminderAt }] : [];
  }

  /** A seat to confirm by a day: the message now, and a reminder at 08:00 WIB the day before unless confirmed first. */
  private async offerSeat(context: InboxContext, event: ParticipantSelected | ReservePromoted, template: 'selected' | 'promoted'): Promise<void> {
    await recordPlace(context.manager, event, 'selected');
    await this.planner.plan(context.manager, context.envelope, [
      { ...this.about(event), template, params: { confirmBy: event.confirmBy } },
      ...this.confirmByReminder(event, event.confirmBy),
    ]);
  }

  private about(event: SeatDecision) {
    return { recipientKind: 'participant' as const, recipientId: event.participantId, batchId: event.batchId, enrollmentId: event.enrollmentId };
  }

}
