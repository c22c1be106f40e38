import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

/** Program's settings: the common ones plus the batch saga's. */
export class ProgramConfig extends ServiceConfig {
  /** How long venue-capacity and instructor-module have to answer a BatchPlanned before the class fails with `timeout`. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1_000, { message: 'must be at least 1000' })
  @Max(7 * 24 * 60 * 60 * 1000, { message: 'must be at most 604800000 (7 days)' })
  BATCH_REPLY_TIMEOUT_MS: number = 60_000;
}
