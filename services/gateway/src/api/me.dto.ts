import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** POST /api/v1/me/enrollments: the participant is the caller. */
export class MyEnrollmentRequest {
  @ApiProperty({ format: 'uuid', description: 'The programme to enroll in' })
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A class of the programme; without it the province's class with the most free seats" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  batchId?: string;
}

/** POST /api/v1/me/enrollments/:id/withdraw */
export class MyWithdrawalRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString({ message: 'must be text' })
  @Length(1, 500, { message: 'must be 1-500 characters' })
  reason!: string;
}

/** POST /api/v1/me/enrollments/:id/offer: accept the class-change offer (naming one of its classes) or decline it. */
export class MyOfferAnswer {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'], { message: 'must be accept or decline' })
  answer!: 'accept' | 'decline';

  @ApiPropertyOptional({ format: 'uuid', description: 'With accept: one of the classes the offer listed' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  batchId?: string;
}
