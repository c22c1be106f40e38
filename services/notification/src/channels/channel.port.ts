export type ChannelName = 'email' | 'sms' | 'whatsapp';

export interface OutgoingMessage {
  deliveryId: string;
  channel: ChannelName;
  /** An email address, or a phone number in E.164 (+628...). */
  to: string;
  subject: string;
  text: string;
  language: 'id' | 'en';
}

export interface ChannelAdapter {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** Thrown by send(): permanent=true means retrying cannot help (e.g. invalid address, 4xx other than 408/429). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Nest provider token: ChannelAdapter[], one per channel whose settings are present. */
export const CHANNEL_ADAPTERS = 'CHANNEL_ADAPTERS';
