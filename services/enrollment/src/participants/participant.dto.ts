import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { BUSINESS_SCALES, BusinessScale, Gender, Language, LANGUAGES, PROVINCE_CODES } from '@sinergi/contracts';
import type { ParticipantBusiness, ParticipantLookupRequest, RegisterParticipantRequest } from '@sinergi/contracts';

/** Nest prefixes these messages with `business.`. */
export class BusinessDto implements ParticipantBusiness {
  /** Checked by nibProblems, so that the message names the rule. */
  @IsOptional()
  @IsString({ message: 'nib: must be text' })
  nib?: string;

  @IsIn(BUSINESS_SCALES, { message: `scale: must be one of ${BUSINESS_SCALES.join(', ')}` })
  scale!: BusinessScale;

  @IsString({ message: 'sector: must be text' })
  @Length(1, 200, { message: 'sector: must be 1-200 characters' })
  sector!: string;
}

export class RegisterParticipantDto implements RegisterParticipantRequest {
  /** Checked by nikProblems, so that the message names the rule without echoing the NIK. */
  @IsString({ message: 'nik: must be text' })
  nik!: string;

  @IsString({ message: 'fullName: must be text' })
  @Length(1, 200, { message: 'fullName: must be 1-200 characters' })
  fullName!: string;

  /** Checked by the service: a real date in the past. */
  @IsString({ message: 'birthDate: must be a date as YYYY-MM-DD' })
  birthDate!: string;

  @IsIn(['F', 'M'], { message: 'gender: must be F or M' })
  gender!: Gender;

  /** Checked and normalised by normalizePhone. */
  @IsString({ message: 'phone: must be text' })
  phone!: string;

  @IsOptional()
  @IsEmail({}, { message: 'email: must be an email address' })
  @MaxLength(200, { message: 'email: must be at most 200 characters' })
  email?: string;

  @IsIn(PROVINCE_CODES, { message: 'provinceCode: must be a Kemendagri province code, e.g. 32 for Jawa Barat' })
  provinceCode!: string;

  @IsOptional()
  @IsIn(LANGUAGES, { message: `language: must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;

  @IsDefined({ message: 'business: is required ({ nib?, scale, sector })' })
  @ValidateNested()
  @Type(() => BusinessDto)
  business!: BusinessDto;
}

export class ParticipantLookupDto implements ParticipantLookupRequest {
  @IsString({ message: 'identifier: must be text' })
  @Length(3, 200, { message: 'identifier: must be 3-200 characters' })
  identifier!: string;
}
