import { NOTIFICATION_CHANNELS, NotificationChannel } from '@sinergi/contracts';
import type { Recipient } from '../recipients/recipient-directory.service';

export interface ChannelTarget {
  channel: NotificationChannel;
  /** The email address or the E.164 number. */
  to: string;
}

/**
 * The channels to try, in order: the recipient's own order, else the default; each kept only when this service
 * offers it and the recipient has the address or number it needs.
 */
export function chooseChannels(recipient: Recipient | null, defaultOrder: string, offered: readonly NotificationChannel[]): ChannelTarget[] {
  const contact = recipient?.contact;
  if (!contact) return [];
  const order = recipient.preferences.channels ?? (defaultOrder.split(',') as NotificationChannel[]);
  return order
    .filter((channel) => NOTIFICATION_CHANNELS.includes(channel) && offered.includes(channel))
    .map((channel) => ({ channel, to: channel === 'email' ? contact.email : contact.phone }))
    .filter((target): target is ChannelTarget => Boolean(target.to));
}
