import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@sinergi/contracts';
import { NotificationConfig } from '../notification.config';
import { TemplateName } from '../templates/templates.rules';
import { deliveryRow, PlannedDelivery } from './delivery-plan.rules';
import { staleTemplates, supersededReason } from './supersede.rules';

/** What caused deliveries: an event, or the digest timer's day (event type `DailyDigestDue`). */
export type DeliveryCause = Pick<EventEnvelope, 'id' | 'type' | 'time' | 'correlationid' | 'traceparent'>;

/**
 * Records the deliveries an event owes. `(event_id, recipient, template)` is unique and the insert does nothing on
 * a conflict, so an event handled twice (a redelivery, a replay) still owes each recipient one message per template.
 * A new delivery supersedes the recipient's held notices about the same enrollment that it makes stale, in the same
 * statement.
 */
@Injectable()
export class DeliveryPlanner {
  constructor(private readonly config: NotificationConfig) {}

  /**
   * `created_at` is the clock's time, not the transaction's: the inbox handles many events in one transaction, and
   * deliveries of the same event time are ordered by when they were planned, which is the order of consumption.
   * A held notice is due its whole hold from the clock's time too. A delivery due at once keeps the transaction's
   * now(): the wake-up trigger (migration 800) compares against now(), and a later clock would not wake the dispatcher.
   *
   * The same statement supersedes the recipient's held notices about the same enrollment that the new delivery makes
   * stale: those of a template it supersedes whose event happened no later than its own and less than the window
   * before. The UPDATE takes their row locks, so a held notice the dispatcher claimed meanwhile is pending by then
   * (its status is read again after the lock) and is sent. A delivery already recorded (a redelivered event)
   * supersedes nothing again.
   */
  async plan(manager: EntityManager, cause: DeliveryCause, deliveries: PlannedDelivery[]): Promise<void> {
    const eventTime = new Date(cause.time);
    for (const delivery of deliveries) {
      const row = deliveryRow(delivery, this.config.NOTICE_SUPERSEDE_MS);
      const stale = delivery.enrollmentId ? staleTemplates(delivery.template) : [];
      await manager.query(
        `WITH inserted AS (
           INSERT INTO deliveries (event_id, event_type, event_time, recipient, recipient_kind, recipient_id, template, params, critical, batch_id,
               enrollment_id, status, next_attempt_at, correlation_id, traceparent, created_at)
           VALUES ($1, $2, $15, $3, $4, $5, $6, $7, $8, $9, $10, $11,
               COALESCE($12, CASE WHEN $16 > 0 THEN clock_timestamp() + $16 * interval '1 millisecond' ELSE now() END), $13, $14, clock_timestamp())
           ON CONFLICT (event_id, recipient, template) DO NOTHING RETURNING id
         )
         UPDATE deliveries SET status = 'superseded', last_error = $17, updated_at = now()
          WHERE EXISTS (SELECT FROM inserted) AND recipient = $3 AND enrollment_id = $10 AND status = 'held' AND template = ANY($18)
            AND event_time <= $15 AND event_time > $15 - $19 * interval '1 millisecond'`,
        [
          cause.id,
          cause.type,
          row.recipient,
          delivery.recipientKind,
          delivery.recipientId,
          delivery.template,
          JSON.stringify(row.params),
          row.critical,
          delivery.batchId ?? null,
          delivery.enrollmentId ?? null,
          row.status,
          row.nextAttemptAt,
          cause.correlationid,
          cause.traceparent ?? null,
          eventTime,
          row.holdMs,
          supersededReason({ template: delivery.template, eventId: cause.id }),
          stale,
          this.config.NOTICE_SUPERSEDE_MS,
        ],
      );
    }
  }

  /** Cancels the reminders (not yet sent) of one enrollment (confirmed, expired or withdrawn). */
  async cancelForEnrollment(manager: EntityManager, enrollmentId: string, templates: TemplateName[], reason: string): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = $3, updated_at = now()
        WHERE enrollment_id = $1 AND status IN ('scheduled', 'pending') AND template = ANY($2)`,
      [enrollmentId, templates, reason],
    );
  }

  /** Cancels the reminders (not yet sent) of one class (cancelled or rescheduled). */
  async cancelForClass(manager: EntityManager, batchId: string, templates: TemplateName[], reason: string): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = $3, updated_at = now()
        WHERE batch_id = $1 AND status IN ('scheduled', 'pending') AND template = ANY($2)`,
      [batchId, templates, reason],
    );
  }
}
