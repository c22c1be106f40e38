import { IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import type { FindAssignmentsParams, WithdrawAssignmentRequest } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';

export class WithdrawDto implements WithdrawAssignmentRequest {
  @IsString({ message: 'reason must be text' })
  @Length(1, 400, { message: 'reason must be 1-400 characters' })
  reason!: string;
}

export class FindAssignmentsQuery extends PageQuery implements FindAssignmentsParams {
  @ValidateIf((query: FindAssignmentsQuery) => query.instructorId === undefined)
  @IsUUID('all', { message: 'batchId must be a UUID (give batchId or instructorId)' })
  batchId?: string;

  @ValidateIf((query: FindAssignmentsQuery) => query.batchId === undefined)
  @IsUUID('all', { message: 'instructorId must be a UUID (give batchId or instructorId)' })
  instructorId?: string;
}
