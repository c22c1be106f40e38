import { IsIn, IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN, PROVINCE_CODES } from '@sinergi/contracts';
import type { UtilisationParams } from '@sinergi/contracts';
import { IsCivilDate } from '@sinergi/platform';

export class UtilisationQuery implements UtilisationParams {
  @IsCivilDate({ message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @IsCivilDate({ message: 'to must be a date as YYYY-MM-DD' })
  to!: string;

  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'venueCode must be an upper-case venue code, e.g. BBPVP-SERANG' })
  venueCode?: string;

  @IsOptional()
  @IsIn(PROVINCE_CODES, { message: 'provinceCode must be a Kemendagri province code, e.g. 36 for Banten' })
  provinceCode?: string;
}
