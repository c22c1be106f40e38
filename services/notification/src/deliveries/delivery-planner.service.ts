import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@sinergi/contracts';
import { TemplateName } from '../templates/templates.rules';
import { deliveryRow, PlannedDelivery } from './delivery-plan.rules';

/** What caused deliveries: an event, or the digest timer's day (event type `DailyDigestDue`). */
export type DeliveryCause = Pick<EventEnvelope, 'id' | 'type' | 'correlationid' | 'traceparent'>;

/**
 * Records the deliveries an event owes. `(event_id, recipient, template)` is unique and the insert does nothing on
 * a conflict, so an event handled twice (a redelivery, a replay) still owes each recipient one message per template.
 */
@Injectable()
export class DeliveryPlanner {
  async plan(manager: EntityManager, cause: DeliveryCause, deliveries: PlannedDelivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const row = deliveryRow(delivery);
      await manager.query(
        `INSERT INTO deliveries (event_id, event_type, recipient, recipient_kind, recipient_id, template, params, critical, batch_id,
            enrollment_id, status, next_attempt_at, correlation_id, traceparent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE($12, now()), $13, $14)
         ON CONFLICT (event_id, recipient, template) DO NOTHING`,
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
