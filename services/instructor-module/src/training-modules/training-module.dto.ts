import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { PublishTrainingModuleRequest } from '@sinergi/contracts';
import { CODE_PATTERN } from '@sinergi/contracts';

export const MODULE_CODE_RULE = 'must be 1-40 upper-case letters, digits, _ . or -, e.g. KWU-01';

export class PublishTrainingModuleDto implements PublishTrainingModuleRequest {
  @Matches(CODE_PATTERN, { message: `moduleCode ${MODULE_CODE_RULE}` })
  moduleCode!: string;

  @IsString({ message: 'title must be text' })
  @Length(1, 300, { message: 'title must be 1-300 characters' })
  title!: string;

  @IsInt({ message: 'hours must be a whole number of lesson hours (JP)' })
  @Min(1, { message: 'hours must be between 1 and 1000' })
  @Max(1000, { message: 'hours must be between 1 and 1000' })
  hours!: number;

  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'ownerPartyCode must be 2-32 upper-case letters, digits, _ or -, e.g. KEMENUMKM' })
  ownerPartyCode!: string;
}
