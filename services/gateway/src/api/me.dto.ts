import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { MyEnrollmentRequest, MyOfferAnswer, MyWithdrawalRequest } from '@sinergi/contracts';

/** POST /api/v1/me/enrollments: the participant is the caller. */
export class MyEnrollmentBody implements MyEnrollmentRequest {
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  batchId?: string;
}

/** POST /api/v1/me/enrollments/:id/withdraw */
export class MyWithdrawalBody implements MyWithdrawalRequest {
  @IsString({ message: 'must be text' })
  @Length(1, 500, { message: 'must be 1-500 characters' })
  reason!: string;
}

/** POST /api/v1/me/enrollments/:id/offer: accept the class-change offer (naming one of its classes) or decline it. */
export class MyOfferAnswerBody implements MyOfferAnswer {
  @IsIn(['accept', 'decline'], { message: 'must be accept or decline' })
  answer!: 'accept' | 'decline';

  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  batchId?: string;
}
