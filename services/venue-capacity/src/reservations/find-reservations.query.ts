import { IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import type { FindReservationsParams } from '@sinergi/contracts';
import { CODE_PATTERN } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';

export class FindReservationsQuery extends PageQuery implements FindReservationsParams {
  @ValidateIf((query: FindReservationsQuery) => query.venueCode === undefined || query.batchId !== undefined)
  @IsUUID('all', { message: 'batchId must be a UUID (give batchId or venueCode)' })
  batchId?: string;

  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'venueCode must be an upper-case venue code, e.g. BBPVP-SERANG' })
  venueCode?: string;
}
