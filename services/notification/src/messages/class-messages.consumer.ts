import { Controller } from '@nestjs/common';
import {
  BatchCancelled,
  batchCancelledEvent,
  batchCompletedEvent,
  BatchConfirmed,
  batchConfirmedEvent,
  BatchFillChanged,
  batchFillChangedEvent,
  BatchLifecycleStep,
  BatchPlanned,
  batchPlannedEvent,
  BatchRescheduled,
  batchRescheduledEvent,
  batchStartedEvent,
  VenueState,
  venueRegisteredEvent,
  venueUpdatedEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { EntityManager } from 'typeorm';
import { PlannedDelivery } from '../deliveries/delivery-plan.rules';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';
import { NotificationConfig } from '../notification.config';
import { reminderTime } from '../timing.rules';
import { startReminderAt } from './reminders.rules';

/**
 * Notification's view of each class (dates, venue, instructor, fill) that messages are written from, and what a
 * class's changes mean to the people in it.
 */
@Controller()
export class ClassMessagesConsumer {
  constructor(
    private readonly planner: DeliveryPlanner,
    private readonly config: NotificationConfig,
  ) {}

  @OnEvent(batchPlannedEvent)
  async onPlanned(event: BatchPlanned, context: InboxContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO classes (batch_id, programme_id, module_code, venue_code, start_date, end_date, seats, minimum_quorum)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (batch_id) DO UPDATE SET module_code = $3, venue_code = $4, start_date = $5, end_date = $6, seats = $7, minimum_quorum = $8`,
      [event.batchId, event.programmeId, event.moduleCode, event.venueCode, event.startDate, event.endDate, event.seats, event.minimumQuorum],
    );
  }

  /** The class is scheduled: its instructor is told; its participants hear through enrollment's events. */
  @OnEvent(batchConfirmedEvent)
  async onConfirmed(event: BatchConfirmed, context: InboxContext): Promise<void> {
    const { manager } = context;
    await manager.query(
      `INSERT INTO classes (batch_id, programme_id, module_code, venue_code, instructor_id, start_date, end_date, seats, minimum_quorum, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'confirmed')
       ON CONFLICT (batch_id) DO UPDATE SET module_code = $3, venue_code = $4, instructor_id = $5, start_date = $6, end_date = $7,
         seats = $8, minimum_quorum = $9, status = 'confirmed'`,
      [event.batchId, event.programmeId, event.moduleCode, event.venueCode, event.instructorId, event.startDate, event.endDate, event.seats, event.minimumQuorum],
    );
    await this.retimeStartReminders(manager, event.batchId, event.startDate);
    await this.planner.plan(manager, context.envelope, [
      { recipientKind: 'instructor', recipientId: event.instructorId, template: 'class-scheduled', batchId: event.batchId },
    ]);
  }

  /**
   * Everyone in the class and its instructor are told. The start reminders planned for the old dates are cancelled
   * and planned again, under this event, for the new ones.
   */
  @OnEvent(batchRescheduledEvent)
  async onRescheduled(event: BatchRescheduled, context: InboxContext): Promise<void> {
    const { manager } = context;
    await manager.query(`UPDATE classes SET start_date = $2, end_date = $3 WHERE batch_id = $1`, [event.batchId, event.startDate, event.endDate]);
    await this.planner.cancelForClass(manager, event.batchId, ['start-reminder'], 'class rescheduled');
    const params = { previousStartDate: event.previousStartDate, reason: event.reason };
    const people = await this.peopleOf(manager, event.batchId, 'class-rescheduled', params);
    const confirmed = (await manager.query(`SELECT enrollment_id AS "enrollmentId", participant_id AS "participantId" FROM class_places WHERE batch_id = $1 AND status = 'confirmed'`, [
      event.batchId,
    ])) as Array<{ enrollmentId: string; participantId: string }>;
    const sendAt = startReminderAt(event.startDate, this.config.START_REMINDER_DAYS_BEFORE, new Date());
    const reminders: PlannedDelivery[] = sendAt
      ? confirmed.map((place) => ({
          recipientKind: 'participant',
          recipientId: place.participantId,
          template: 'start-reminder',
          batchId: event.batchId,
          enrollmentId: place.enrollmentId,
          sendAt,
        }))
      : [];
    await this.planner.plan(manager, context.envelope, [...people, ...reminders]);
  }

  /** Everyone holding a place or a reserve rank, and the instructor, are told; the class's reminders are cancelled. */
  @OnEvent(batchCancelledEvent)
  async onCancelled(event: BatchCancelled, context: InboxContext): Promise<void> {
    const { manager } = context;
    await manager.query(`UPDATE classes SET status = 'cancelled' WHERE batch_id = $1`, [event.batchId]);
    await this.planner.cancelForClass(manager, event.batchId, ['start-reminder', 'confirm-by-reminder'], 'class cancelled');
    await this.planner.plan(manager, context.envelope, await this.peopleOf(manager, event.batchId, 'class-cancelled', { reason: event.reason }));
  }

  @OnEvent(batchStartedEvent)
  async onStarted(event: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await context.manager.query(`UPDATE classes SET status = 'started' WHERE batch_id = $1`, [event.batchId]);
  }

  @OnEvent(batchCompletedEvent)
  async onCompleted(event: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await context.manager.query(`UPDATE classes SET status = 'completed' WHERE batch_id = $1`, [event.batchId]);
  }

  @OnEvent(batchFillChangedEvent)
  async onFillChanged(event: BatchFillChanged, context: InboxContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO classes (batch_id, programme_id, seats, selected, confirmed, reserved, minimum_quorum, quorum_met)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (batch_id) DO UPDATE SET seats = $3, selected = $4, confirmed = $5, reserved = $6, minimum_quorum = $7, quorum_met = $8`,
      [event.batchId, event.programmeId, event.seats, event.selected, event.confirmed, event.reserved, event.minimumQuorum, event.quorumMet],
    );
  }

  @OnEvent(venueRegisteredEvent)
  async onVenueRegistered(venue: VenueState, context: InboxContext): Promise<void> {
    await this.recordVenue(context.manager, venue);
  }

  @OnEvent(venueUpdatedEvent)
  async onVenueUpdated(venue: VenueState, context: InboxContext): Promise<void> {
    await this.recordVenue(context.manager, venue);
  }

  private async recordVenue(manager: EntityManager, venue: VenueState): Promise<void> {
    await manager.query(`INSERT INTO venues (venue_code, name, city) VALUES ($1, $2, $3) ON CONFLICT (venue_code) DO UPDATE SET name = $2, city = $3`, [
      venue.venueCode,
      venue.name,
      venue.city,
    ]);
  }

  /** A reminder planned before the class had dates (UNTIMED) is timed once they are known. */
  private async retimeStartReminders(manager: EntityManager, batchId: string, startDate: string): Promise<void> {
    const reminderAt = reminderTime(startDate, this.config.START_REMINDER_DAYS_BEFORE);
    await manager.query(
      `UPDATE deliveries SET next_attempt_at = GREATEST($2::timestamptz, now()), updated_at = now()
        WHERE batch_id = $1 AND template = 'start-reminder' AND status = 'scheduled' AND next_attempt_at >= '9999-01-01'`,
      [batchId, reminderAt],
    );
  }

  private async peopleOf(manager: EntityManager, batchId: string, template: 'class-rescheduled' | 'class-cancelled', params: Record<string, unknown>): Promise<PlannedDelivery[]> {
    const places = (await manager.query(`SELECT enrollment_id AS "enrollmentId", participant_id AS "participantId" FROM class_places WHERE batch_id = $1 AND status <> 'gone'`, [
      batchId,
    ])) as Array<{ enrollmentId: string; participantId: string }>;
    const [batch] = (await manager.query(`SELECT instructor_id AS "instructorId" FROM classes WHERE batch_id = $1`, [batchId])) as Array<{ instructorId: string | null }>;
    return [
      ...places.map((place): PlannedDelivery => ({ recipientKind: 'participant', recipientId: place.participantId, template, params, batchId, enrollmentId: place.enrollmentId })),
      ...(batch?.instructorId ? [{ recipientKind: 'instructor' as const, recipientId: batch.instructorId, template, params, batchId }] : []),
    ];
  }
}
