import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

export const RECIPIENT_KINDS = ['participant', 'instructor', 'venue-operator', 'admin'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const topic = TOPICS.notificationDeliveries.name;
/** Ids only: a delivery event never carries an address, a number or the message text. */
const delivery = {
  deliveryId: s.uuid(),
  eventId: s.uuid(),
  recipientKind: s.oneOf(RECIPIENT_KINDS),
  recipientId: s.string(100),
  template: s.string(100),
  attempts: s.integer(0),
};

export const notificationDeliveredEvent = defineEvent(
  'NotificationDelivered',
  topic,
  'A message was handed to a channel provider (SMTP relay or SMS/WhatsApp provider); ids only, no contact data.',
  s.object({ ...delivery, channel: s.oneOf(NOTIFICATION_CHANNELS), deliveredAt: s.dateTime() }),
);
export type NotificationDelivered = PayloadOf<typeof notificationDeliveredEvent>;

export const notificationFailedEvent = defineEvent(
  'NotificationFailed',
  topic,
  'A message could not be delivered (retries exhausted, permanent refusal or no contact); the reason says why, without contact data.',
  s.object({ ...delivery, channel: s.oneOf(NOTIFICATION_CHANNELS), reason: s.string(1000) }, ['channel']),
);
export type NotificationFailed = PayloadOf<typeof notificationFailedEvent>;
