import { IsOptional, IsUUID } from 'class-validator';

export class SubmitEnrollmentDto {
  @IsUUID('all', { message: 'participantId: must be a UUID' })
  participantId!: string;

  @IsUUID('all', { message: 'programmeId: must be a UUID' })
  programmeId!: string;

  /** A class of the programme; without it the participant's province class with the most free seats is taken. */
  @IsOptional()
  @IsUUID('all', { message: 'batchId: must be a UUID' })
  batchId?: string;
}
