import { IsDateString, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import type { AmendAgreementRequest, EndAgreementRequest } from '@sinergi/contracts';

export class AmendAgreementDto implements AmendAgreementRequest {
  @IsDateString({ strict: true }, { message: 'amendedOn must be a date as YYYY-MM-DD' })
  amendedOn!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date as YYYY-MM-DD' })
  validUntil?: string;

  @IsOptional()
  @IsInt({ message: 'participantCeiling must be a whole number' })
  @Min(1, { message: 'participantCeiling must be at least 1' })
  participantCeiling?: number;
}

export class EndAgreementDto implements EndAgreementRequest {
  @IsDateString({ strict: true }, { message: 'endedOn must be a date as YYYY-MM-DD' })
  endedOn!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;
}
