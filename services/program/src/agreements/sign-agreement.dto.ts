import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max, Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PARTY_ROLES, PartyRole } from '@sinergi/contracts';
import type { AgreementParty, SignAgreementRequest } from '@sinergi/contracts';
import { IsCivilDate, MAX_INTEGER_COLUMN } from '@sinergi/platform';

export class AgreementPartyDto implements AgreementParty {
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 upper-case letters, digits, _ or -, e.g. KEMNAKER' })
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(PARTY_ROLES, { each: true, message: `each role must be one of: ${PARTY_ROLES.join(', ')}` })
  roles!: PartyRole[];
}

export class SignAgreementDto implements SignAgreementRequest {
  @IsIn(['MOU', 'PKS'], { message: 'kind must be MOU or PKS' })
  kind!: 'MOU' | 'PKS';

  @IsString()
  @Length(1, 100)
  number!: string;

  @IsString()
  @Length(1, 500)
  title!: string;

  @IsCivilDate({ message: 'signedOn must be a date as YYYY-MM-DD' })
  signedOn!: string;

  @IsOptional()
  @IsCivilDate({ message: 'validUntil must be a date as YYYY-MM-DD' })
  validUntil?: string;

  @ValidateIf((dto: SignAgreementDto) => dto.kind === 'PKS' || dto.parentAgreementId !== undefined)
  @IsUUID('all', { message: 'parentAgreementId must be the id of the MoU a PKS implements' })
  parentAgreementId?: string;

  @IsOptional()
  @IsInt({ message: 'participantCeiling must be a whole number' })
  @Min(1, { message: 'participantCeiling must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'participantCeiling must be at most 2147483647' })
  participantCeiling?: number;

  @IsArray()
  @ArrayMinSize(2, { message: 'parties must name at least two parties' })
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyDto)
  parties!: AgreementPartyDto[];
}
