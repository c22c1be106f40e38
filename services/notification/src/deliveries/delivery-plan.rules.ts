import type { RecipientKind } from '@sinergi/contracts';
import { isCritical, TemplateName } from '../templates/templates.rules';
import { recipientKey } from '../recipients/recipient.rules';
import { isHeld } from './supersede.rules';

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
  status: 'held' | 'pending' | 'scheduled';
  /** Null: due `holdMs` from now, by the database's clock. */
  nextAttemptAt: Date | null;
  /** A held notice waits this long for a decision that supersedes it; 0 for everything else. */
  holdMs: number;
}

/**
 * How a planned delivery is recorded: a reminder scheduled for its time, a notice a quick decision can make stale
 * held for the supersede window, anything else due now; critical as its template is.
 */
export function deliveryRow(delivery: PlannedDelivery, supersedeWindowMs: number): DeliveryRow {
  const held = !delivery.sendAt && supersedeWindowMs > 0 && isHeld(delivery.template);
  return {
    recipient: recipientKey(delivery.recipientKind, delivery.recipientId),
    params: delivery.params ?? {},
    critical: isCritical(delivery.template),
    status: delivery.sendAt ? 'scheduled' : held ? 'held' : 'pending',
    nextAttemptAt: delivery.sendAt ?? null,
    holdMs: held ? supersedeWindowMs : 0,
  };
}
