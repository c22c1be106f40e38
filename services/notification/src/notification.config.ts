import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

/** Notification's settings: the common ones and the channels'. A channel whose settings are absent is not offered. */
export class NotificationConfig extends ServiceConfig {
  /** AES-256-GCM key that opens the contact cards enrollment and instructor-module seal; contacts stay sealed at rest under it. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), the same key enrollment and instructor-module seal with' })
  CONTACT_SEAL_KEY!: string;

  /** AES-256-GCM key that opens the sign-in codes the gateway seals; a code is opened only to send it. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), the same key the gateway seals sign-in codes with' })
  SIGN_IN_CODE_SEAL_KEY!: string;

  /** Named in every message, so that a recipient can tell a real notice from a phishing copy. */
  @Matches(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be a domain name, e.g. sinergi.kemnaker.go.id' })
  OFFICIAL_DOMAIN: string = 'sinergi.kemnaker.go.id';

  /** Where the participant portal is served; every participant's message links to its page there (e.g. <PORTAL_PUBLIC_URL>/enrollments/<id>). */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s?#/])?$/, { message: 'must be an http(s) URL without a trailing slash, query or fragment, e.g. https://sinergi.kemnaker.go.id/portal' })
  PORTAL_PUBLIC_URL: string = 'http://localhost:3000/portal';

  /** Channels tried in this order when a recipient has no preference of their own; each is skipped without a contact or adapter. */
  @Matches(/^(email|sms|whatsapp)(,(email|sms|whatsapp)){0,2}$/, { message: 'must be email, sms and/or whatsapp separated by commas, e.g. whatsapp,sms,email' })
  NOTIFICATION_CHANNEL_ORDER: string = 'whatsapp,sms,email';

  /** Sending attempts per delivery, over all its channels, before it fails. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of attempts' })
  @Min(1, { message: 'must be between 1 and 20' })
  @Max(20, { message: 'must be between 1 and 20' })
  NOTIFICATION_MAX_ATTEMPTS: number = 6;

  /** The wait after the first failed attempt; each further one waits twice as long, up to NOTIFICATION_RETRY_MAX_MS. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 3600000' })
  @Max(3_600_000, { message: 'must be between 10 and 3600000' })
  NOTIFICATION_RETRY_BASE_MS: number = 30_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 86400000' })
  @Max(86_400_000, { message: 'must be between 10 and 86400000' })
  NOTIFICATION_RETRY_MAX_MS: number = 3_600_000;

  /** How long a delivery waits for its recipient's contact card (topics are independent) before it fails with "no contact". */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 604800000' })
  @Max(604_800_000, { message: 'must be between 0 and 604800000' })
  NOTIFICATION_CONTACT_WAIT_MS: number = 6 * 3_600_000;

  /**
   * How long a notice that a quick decision can make stale (received, eligible, waitlisted) is held before it is sent;
   * a superseding decision about the same enrollment within this time means it is never sent.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 600000' })
  @Max(600_000, { message: 'must be between 0 and 600000' })
  NOTICE_SUPERSEDE_MS: number = 3000;

  /** The dispatcher's poll for due deliveries; a delivery due at once wakes it sooner (NOTIFY deliveries), so this is the safety net and the pace of reminders and retries. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 3600000' })
  @Max(3_600_000, { message: 'must be between 50 and 3600000' })
  NOTIFICATION_POLL_MS: number = 1000;

  /** The start reminder goes out at 08:00 WIB this many days before a class's first day. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 30' })
  @Max(30, { message: 'must be between 1 and 30' })
  START_REMINDER_DAYS_BEFORE: number = 2;

  /** The admins' daily digest goes out at this hour, WIB (UTC+7). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole hour, 0-23' })
  @Min(0, { message: 'must be between 0 and 23' })
  @Max(23, { message: 'must be between 0 and 23' })
  DIGEST_HOUR_WIB: number = 7;

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
