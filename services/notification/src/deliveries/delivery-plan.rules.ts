import type { RecipientKind } from '@sinergi/contracts';
import { isCritical, TemplateName } from '../templates/templates.rules';

export interface PlannedDelivery {
  recipientKind: RecipientKind;
  recipientId: string;
  template: TemplateName;
  params?: Record<string, unknown>;
  batchId?: string;
  enrollmentId?: string;
  /** A reminder: held as `scheduled` (cancellable) until then. Absent: due now. */
  sendAt?: Date;
}

export interface DeliveryRow {
  /** `<kind>:<id>`, one half of the key that makes a delivery exactly one per (event, recipient, template). */
  recipient: string;
  params: Record<string, unknown>;
  critical: boolean;
  status: 'pending' | 'scheduled';
  /** Null: due now, by the database's clock. */
  nextAttemptAt: Date | null;
}

/** How a planned delivery is recorded: due now, or (a reminder) scheduled for its time; critical as its template is. */
export function deliveryRow(delivery: PlannedDelivery): DeliveryRow {
  return {
    recipient: `${delivery.recipientKind}:${delivery.recipientId}`,
    params: delivery.params ?? {},
    critical: isCritical(delivery.template),
    status: delivery.sendAt ? 'scheduled' : 'pending',
    nextAttemptAt: delivery.sendAt ?? null,
  };
}
