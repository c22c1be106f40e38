import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';
import { IDENTITY_CHECK_ADAPTERS, IdentityCheckAdapterName } from './identity/identity-check.port';

/** 32 bytes in base64 are exactly 43 characters and one `=`. */
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const KEY_RULE = 'must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`';

@ValidatorConstraint({ name: 'differentFrom' })
class DifferentFrom implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return value === undefined || value !== (args.object as Record<string, unknown>)[args.constraints[0] as string];
  }
}

/** Enrollment's settings: the common ones, the NIK keys and the eligible age range. */
export class EnrollmentConfig extends ServiceConfig {
  /** AES-256-GCM key that encrypts every NIK at rest. No default: the service refuses to start without it. */
  @Matches(BASE64_32_BYTES, { message: KEY_RULE })
  NIK_ENCRYPTION_KEY!: string;

  /** HMAC-SHA256 key of the NIK blind index that finds a duplicate NIK without storing it in the clear. */
  @Matches(BASE64_32_BYTES, { message: KEY_RULE })
  @Validate(DifferentFrom, ['NIK_ENCRYPTION_KEY'], { message: 'must differ from NIK_ENCRYPTION_KEY' })
  NIK_INDEX_KEY!: string;

  /** AES-256-GCM key that seals contact cards (name, phone, email) on enrollment.participant-contacts.v1; notification holds it too. */
  @Matches(BASE64_32_BYTES, { message: KEY_RULE })
  @Validate(DifferentFrom, ['NIK_ENCRYPTION_KEY'], { message: 'must differ from NIK_ENCRYPTION_KEY' })
  @Validate(DifferentFrom, ['NIK_INDEX_KEY'], { message: 'must differ from NIK_INDEX_KEY' })
  CONTACT_SEAL_KEY!: string;

  /** Which civil-registry (Dukcapil) adapter answers identity checks; only the configurable stub exists so far. */
  @IsIn(IDENTITY_CHECK_ADAPTERS, { message: `must be one of ${IDENTITY_CHECK_ADAPTERS.join(', ')}` })
  IDENTITY_CHECK_ADAPTER: IdentityCheckAdapterName = 'stub';

  /** A call that has not answered after this long counts as the registry being unavailable (retried). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 120000' })
  @Max(120_000, { message: 'must be between 100 and 120000' })
  IDENTITY_CHECK_TIMEOUT_MS: number = 10_000;

  /** The first retry after an unavailable registry waits this long; each further one twice as long, up to IDENTITY_CHECK_RETRY_MAX_MS. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 3600000' })
  @Max(3_600_000, { message: 'must be between 10 and 3600000' })
  IDENTITY_CHECK_RETRY_BASE_MS: number = 5_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 86400000' })
  @Max(86_400_000, { message: 'must be between 10 and 86400000' })
  IDENTITY_CHECK_RETRY_MAX_MS: number = 900_000;

  /** Stub adapter: how long each answer takes. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 60000' })
  @Max(60_000, { message: 'must be between 0 and 60000' })
  IDENTITY_CHECK_STUB_LATENCY_MS: number = 0;

  /** Stub adapter: NIK serials (digits 13-16), comma-separated, that the registry answers no-match for. */
  @Matches(/^([0-9]{4}(,[0-9]{4})*)?$/, { message: 'must be 4-digit NIK serials separated by commas, e.g. 9999,9998' })
  IDENTITY_CHECK_STUB_NO_MATCH_SERIALS: string = '9999';

  /** Stub adapter: the first this many calls after each start answer unavailable (to see retries). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of calls' })
  @Min(0, { message: 'must be between 0 and 1000000' })
  @Max(1_000_000, { message: 'must be between 0 and 1000000' })
  IDENTITY_CHECK_STUB_UNAVAILABLE_FIRST_CALLS: number = 0;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of years' })
  @Min(15, { message: 'must be between 15 and 100' })
  @Max(100, { message: 'must be between 15 and 100' })
  ELIGIBLE_MIN_AGE: number = 18;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of years' })
  @Min(15, { message: 'must be between 15 and 100' })
  @Max(100, { message: 'must be between 15 and 100' })
  ELIGIBLE_MAX_AGE: number = 64;

  /** Days a promoted reserve has to confirm, at least: its confirm-by day is the later of the class's and today + this. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be between 0 and 30' })
  @Max(30, { message: 'must be between 0 and 30' })
  PROMOTION_CONFIRM_DAYS: number = 2;

  /** Days (WIB) the participants of a cancelled or rescheduled class have to answer the offer to move; unanswered, a cancelled class's are released. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 30' })
  @Max(30, { message: 'must be between 1 and 30' })
  MOVE_RESPOND_DAYS: number = 3;

  /** A participant completes the class (certificate) with at least this share of its days attended; fewer, a participation letter. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of percent' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  COMPLETION_MIN_ATTENDANCE_PERCENT: number = 80;

  /** Where the participant portal is served; a certificate's verification link is <PORTAL_PUBLIC_URL>/verify/<code>. */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s?#/])?$/, { message: 'must be an http(s) URL without a trailing slash, query or fragment, e.g. https://sinergi.kemnaker.go.id/portal' })
  PORTAL_PUBLIC_URL: string = 'http://localhost:3000/portal';
}
