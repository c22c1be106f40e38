import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { AmendAgreementRequest, EndAgreementRequest } from '@sinergi/contracts';
import { IsCivilDate, MAX_INTEGER_COLUMN } from '@sinergi/platform';

export class AmendAgreementDto implements AmendAgreementRequest {
  @IsCivilDate({ message: 'amendedOn must be a date as YYYY-MM-DD' })
  amendedOn!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;

  @IsOptional()
  @IsCivilDate({ message: 'validUntil must be a date as YYYY-MM-DD' })
  validUntil?: string;

  @IsOptional()
  @IsInt({ message: 'participantCeiling must be a whole number' })
  @Min(1, { message: 'participantCeiling must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'participantCeiling must be at most 2147483647' })
  participantCeiling?: number;
}

export class EndAgreementDto implements EndAgreementRequest {
  @IsCivilDate({ message: 'endedOn must be a date as YYYY-MM-DD' })
  endedOn!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;
}
