import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { NotificationConfig } from '../notification.config';
import { CHANNEL_ADAPTERS, ChannelAdapter } from './channel.port';
import { EmailChannel } from './email.channel';
import { ProviderChannel } from './provider.channel';

/** The channel settings of NotificationConfig; each is validated there. */
export interface ChannelSettings {
  SMTP_URL?: string;
  SMTP_FROM?: string;
  MESSAGING_PROVIDER_URL?: string;
  MESSAGING_PROVIDER_SECRET?: string;
}

const PROVIDER_TIMEOUT_MS = 10_000;

/** One adapter per channel whose settings are present: email with SMTP_URL, SMS and WhatsApp with MESSAGING_PROVIDER_URL. */
export function buildChannelAdapters(settings: ChannelSettings): ChannelAdapter[] {
  const adapters: ChannelAdapter[] = [];
  if (settings.SMTP_URL && settings.SMTP_FROM) adapters.push(new EmailChannel({ smtpUrl: settings.SMTP_URL, from: settings.SMTP_FROM }));
  if (settings.MESSAGING_PROVIDER_URL && settings.MESSAGING_PROVIDER_SECRET) {
    const provider = { url: settings.MESSAGING_PROVIDER_URL, secret: settings.MESSAGING_PROVIDER_SECRET, timeoutMs: PROVIDER_TIMEOUT_MS };
    adapters.push(new ProviderChannel('sms', provider), new ProviderChannel('whatsapp', provider));
  }
  return adapters;
}

/** Provides CHANNEL_ADAPTERS (ChannelAdapter[]) and closes the SMTP pool and the provider's connections at shutdown. */
@Module({
  providers: [{ provide: CHANNEL_ADAPTERS, inject: [NotificationConfig], useFactory: (config: NotificationConfig) => buildChannelAdapters(config) }],
  exports: [CHANNEL_ADAPTERS],
})
export class ChannelsModule implements OnApplicationShutdown {
  constructor(@Inject(CHANNEL_ADAPTERS) private readonly adapters: ChannelAdapter[]) {}

  onApplicationShutdown(): void {
    for (const adapter of this.adapters) if (adapter instanceof EmailChannel || adapter instanceof ProviderChannel) adapter.close();
  }
}
