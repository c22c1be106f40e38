import { IsOptional, IsUrl, Matches, MinLength, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

/** Notification's settings: the common ones and the channels'. A channel whose settings are absent is not offered. */
export class NotificationConfig extends ServiceConfig {
  /** The SMTP relay for email. Without it, no email channel. */
  @IsOptional()
  @Matches(/^smtps?:\/\/([^@/\s]+@)?[^@/\s:]+(:\d{1,5})?\/?$/, {
    message: 'must be smtp://[user:password@]host[:port] or smtps://..., e.g. smtp://127.0.0.1:1025',
  })
  SMTP_URL?: string;

  @ValidateIf((config: NotificationConfig) => config.SMTP_URL !== undefined || config.SMTP_FROM !== undefined)
  @Matches(/^([^<>\r\n]+ )?<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, {
    message: 'must be an address or "Name <address>", e.g. "Sinergi Kemnaker <noreply@sinergi.kemnaker.go.id>"; it is required when SMTP_URL is set',
  })
  SMTP_FROM?: string;

  /** The SMS and WhatsApp provider's webhook base URL (contract in the README, "Channels"). Without it, no SMS or WhatsApp. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8026' })
  MESSAGING_PROVIDER_URL?: string;

  /** HMAC-SHA256 key that signs every provider request. */
  @ValidateIf((config: NotificationConfig) => config.MESSAGING_PROVIDER_URL !== undefined || config.MESSAGING_PROVIDER_SECRET !== undefined)
  @MinLength(32, { message: 'must be at least 32 characters, e.g. from `openssl rand -hex 32`; it is required when MESSAGING_PROVIDER_URL is set' })
  MESSAGING_PROVIDER_SECRET?: string;
}
