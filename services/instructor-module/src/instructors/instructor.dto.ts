import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CODE_PATTERN, PROVINCE_CODES } from '@sinergi/contracts';
import { MODULE_CODE_RULE } from '../training-modules/training-module.dto';
import { INDONESIAN_MOBILE } from './instructor.rules';
import type { FindInstructorsParams, InstructorUnavailabilityRequest, RegisterInstructorRequest, UpdateInstructorRequest } from '@sinergi/contracts';
import { IsCivilDate, PageQuery } from '@sinergi/platform';

const PROVINCE_RULE = 'must be a Kemendagri province code, e.g. 32 for Jawa Barat';

/** The fields an admin may change with PUT; externalRef is fixed at registration. */
export class InstructorDetailsDto implements UpdateInstructorRequest {
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1-200 characters' })
  fullName!: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200, { message: 'email must be at most 200 characters' })
  email?: string;

  @IsOptional()
  @Matches(INDONESIAN_MOBILE, { message: 'phone must be an Indonesian mobile number: 08..., 628... or +628..., 10-15 digits' })
  phone?: string;

  @IsIn(PROVINCE_CODES, { message: `homeProvinceCode ${PROVINCE_RULE}` })
  homeProvinceCode!: string;

  @IsArray({ message: 'competencies must be a list of module codes' })
  @ArrayMinSize(1, { message: 'competencies must name at least one module code' })
  @ArrayMaxSize(100, { message: 'competencies must name at most 100 module codes' })
  @ArrayUnique({ message: 'competencies must not repeat a module code' })
  @Matches(CODE_PATTERN, { each: true, message: `each of competencies ${MODULE_CODE_RULE}` })
  competencies!: string[];

  @IsInt({ message: 'maxClassesPerPeriod must be a whole number' })
  @Min(1, { message: 'maxClassesPerPeriod must be between 1 and 100' })
  @Max(100, { message: 'maxClassesPerPeriod must be between 1 and 100' })
  maxClassesPerPeriod!: number;

  @IsBoolean({ message: 'active must be true or false' })
  active!: boolean;
}

export class RegisterInstructorDto extends InstructorDetailsDto implements RegisterInstructorRequest {
  @IsString({ message: 'externalRef must be text' })
  @Length(1, 100, { message: 'externalRef must be 1-100 characters (the KemenUMKM instructor id)' })
  externalRef!: string;
}

export class UnavailabilityDto implements InstructorUnavailabilityRequest {
  @IsCivilDate({ message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @IsCivilDate({ message: 'to must be a date as YYYY-MM-DD' })
  to!: string;
}

export class FindInstructorsQuery extends PageQuery implements FindInstructorsParams {
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `moduleCode ${MODULE_CODE_RULE}` })
  moduleCode?: string;

  @IsOptional()
  @IsIn(PROVINCE_CODES, { message: `provinceCode ${PROVINCE_RULE}` })
  provinceCode?: string;
}
