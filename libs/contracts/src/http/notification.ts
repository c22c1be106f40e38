import type { PageParams } from './page';
import type { Language } from '../events/contacts';
import type { NotificationChannel, RecipientKind } from '../events/notification-deliveries';

/**
 * notification's HTTP API (port 3005): recipients and their preferences, and delivery status. It never answers
 * contact data or a message's text. Times are ISO 8601 strings.
 */

/** PUT /recipients/venue-operators/:venueCode and PUT /recipients/admins/:id: at least one of email and phone. */
export interface RegisterContactRequest {
  fullName: string;
  email?: string;
  /** E.164, e.g. +6281234567890. */
  phone?: string;
  /** Default id. */
  language?: Language;
}

/** PUT /recipients/:kind/:id/preferences */
export interface SetPreferencesRequest {
  language?: Language;
  /** Tried in this order; a channel the recipient has no contact for is skipped. */
  channels?: NotificationChannel[];
  /** Opts out of non-critical messages; being selected and a class cancelled or rescheduled still reach the recipient. Default false. */
  optOut?: boolean;
}

/** GET /recipients/:kind/:id/preferences; null where the recipient chose nothing. */
export interface RecipientPreferences {
  language: Language | null;
  channels: NotificationChannel[] | null;
  optOut: boolean;
}

/** What the API says of a recipient: never their name, address or number, only which channels can reach them. */
export interface RecipientView {
  kind: RecipientKind;
  id: string;
  reachableBy: Array<'email' | 'phone'>;
  language: Language;
  preferences: RecipientPreferences;
}

/**
 * GET /deliveries: exactly one of eventId, correlationId, recipient and batchId; answers `Page<DeliveryView>` in the
 * order the deliveries were created, then by id. A masked reach gets any NIK, e-mail address or phone in the texts masked.
 */
export interface FindDeliveriesParams extends PageParams {
  eventId?: string;
  /** Everything one request caused. */
  correlationId?: string;
  /** `<kind>:<id>`, e.g. `participant:6f1c...` or `venue-operator:BBPVP-BDG`. */
  recipient?: string;
  /** One class's messages: every delivery planned because of an event about the class (its batchId). */
  batchId?: string;
}

/**
 * `scheduled` waits for its time (a reminder) and can be cancelled; `pending` is due now or being retried; `held` is a
 * notice waiting out the supersede window (NOTICE_SUPERSEDE_MS); `superseded` was made stale by a decision about the
 * same enrollment within that window and is never sent.
 */
export type DeliveryStatus = 'held' | 'pending' | 'scheduled' | 'sent' | 'failed' | 'cancelled' | 'superseded';

/** One message owed to one recipient because of one event: what is owed or held, sent, failed (with the reason), cancelled or superseded. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  recipient: string;
  recipientKind: RecipientKind;
  recipientId: string;
  template: string;
  /** What the template needs besides the recipient and the class: ids, dates, ranks. Never contact data. */
  params: Record<string, unknown>;
  /** Sent even to a recipient who opted out. */
  critical: boolean;
  batchId: string | null;
  enrollmentId: string | null;
  /** When the event happened; a recipient's messages are sent in this order. */
  eventTime: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  channel: NotificationChannel | null;
  language: Language | null;
  providerMessageId: string | null;
  lastError: string | null;
  correlationId: string;
  traceparent: string | null;
  createdAt: string;
  updatedAt: string;
}
