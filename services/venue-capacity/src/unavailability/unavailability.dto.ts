import { IsString, Length } from 'class-validator';
import type { RecordUnavailabilityRequest } from '@sinergi/contracts';
import { IsCivilDate } from '@sinergi/platform';

export class RecordUnavailabilityDto implements RecordUnavailabilityRequest {
  @IsCivilDate({ message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @IsCivilDate({ message: 'to must be a date as YYYY-MM-DD' })
  to!: string;

  @IsString({ message: 'reason must be text' })
  @Length(1, 500, { message: 'reason must be 1-500 characters' })
  reason!: string;
}
