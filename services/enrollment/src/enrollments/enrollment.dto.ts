import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { SubmitEnrollmentRequest, WithdrawEnrollmentRequest } from '@sinergi/contracts';

export class SubmitEnrollmentDto implements SubmitEnrollmentRequest {
  @IsUUID('all', { message: 'participantId: must be a UUID' })
  participantId!: string;

  @IsUUID('all', { message: 'programmeId: must be a UUID' })
  programmeId!: string;

  /** A class of the programme; without it the participant's province class with the most free seats is taken. */
  @IsOptional()
  @IsUUID('all', { message: 'batchId: must be a UUID' })
  batchId?: string;
}

export class WithdrawEnrollmentDto implements WithdrawEnrollmentRequest {
  /** Why the participant withdraws, as they or an operator put it (1-500 characters); it goes into EnrollmentWithdrawn. */
  @IsString({ message: 'reason: must be a string' })
  @Length(1, 500, { message: 'reason: must be 1-500 characters' })
  reason!: string;
}
