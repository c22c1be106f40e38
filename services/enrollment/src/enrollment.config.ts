import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

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
}
