import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BATCH_STATUSES, BatchStatus, CODE_PATTERN, PROVINCE_CODES } from '@sinergi/contracts';
import type { BulkPlanBatchesRequest, CancelBatchRequest, ListBatchesParams, PlanBatchRequest, RescheduleBatchRequest } from '@sinergi/contracts';
import { IsCivilDate, PageQuery } from '@sinergi/platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => `${field} must be a date as YYYY-MM-DD`;

export class PlanBatchDto implements PlanBatchRequest {
  @Matches(CODE_PATTERN, { message: 'venueCode must be a venue code: upper-case letters, digits, _ . or -' })
  venueCode!: string;

  @Matches(DATE, { message: dateMessage('startDate') })
  @IsCivilDate({ message: dateMessage('startDate') })
  startDate!: string;
}

export class BulkPlanBatchesDto implements BulkPlanBatchesRequest {
  @IsInt({ message: 'count must be a whole number' })
  @Min(1, { message: 'count must be at least 1' })
  @Max(2000, { message: 'count must be at most 2000' })
  count!: number;

  @Matches(DATE, { message: dateMessage('from') })
  @IsCivilDate({ message: dateMessage('from') })
  from!: string;

  @Matches(DATE, { message: dateMessage('to') })
  @IsCivilDate({ message: dateMessage('to') })
  to!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'provinceCodes must name at least one province' })
  @ArrayUnique({ message: 'provinceCodes must not repeat a province' })
  @IsIn(PROVINCE_CODES, { each: true, message: 'each of provinceCodes must be a Kemendagri province code, e.g. 32' })
  provinceCodes!: string[];
}

export class CancelBatchDto implements CancelBatchRequest {
  @IsString()
  @Length(1, 500, { message: 'detail must say why, in 1 to 500 characters' })
  detail!: string;
}

export class RescheduleBatchDto implements RescheduleBatchRequest {
  @Matches(DATE, { message: dateMessage('startDate') })
  @IsCivilDate({ message: dateMessage('startDate') })
  startDate!: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ListBatchesQuery extends PageQuery implements ListBatchesParams {
  @IsOptional()
  @IsIn(BATCH_STATUSES, { message: `status must be one of: ${BATCH_STATUSES.join(', ')}` })
  status?: BatchStatus;
}
