import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  BUSINESS_SCALES,
  BusinessScale,
  CODE_PATTERN,
  DEFAULT_TEACHING_WEEKDAYS,
  SELECTION_POLICIES,
  SelectionPolicy,
  Weekday,
  WEEKDAYS,
} from '@sinergi/contracts';
import type { AmendProgrammeRequest, LaunchProgrammeRequest } from '@sinergi/contracts';
import { IsCivilDate, MAX_INTEGER_COLUMN } from '@sinergi/platform';

export class LaunchProgrammeDto implements LaunchProgrammeRequest {
  @IsUUID('all', { message: 'agreementId must be the id of the PKS the programme runs under' })
  agreementId!: string;

  @IsString()
  @Length(1, 300)
  name!: string;

  @IsCivilDate({ message: 'periodStart must be a date as YYYY-MM-DD' })
  periodStart!: string;

  @IsCivilDate({ message: 'periodEnd must be a date as YYYY-MM-DD' })
  periodEnd!: string;

  @IsInt({ message: 'targetParticipants must be a whole number' })
  @Min(1, { message: 'targetParticipants must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'targetParticipants must be at most 2147483647' })
  targetParticipants!: number;

  @IsInt({ message: 'participantCeiling must be a whole number' })
  @Min(1, { message: 'participantCeiling must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'participantCeiling must be at most 2147483647' })
  participantCeiling!: number;

  @IsArray()
  @ArrayMinSize(1, { message: 'prioritySegments must name at least one business scale' })
  @ArrayUnique()
  @IsIn(BUSINESS_SCALES, { each: true, message: `each prioritySegment must be one of: ${BUSINESS_SCALES.join(', ')}` })
  prioritySegments!: BusinessScale[];

  @IsIn(SELECTION_POLICIES, { message: `selectionPolicy must be one of: ${SELECTION_POLICIES.join(', ')}` })
  selectionPolicy!: SelectionPolicy;

  @Matches(CODE_PATTERN, { message: 'moduleCode must be an upper-case training module code, e.g. KWU-DASAR' })
  moduleCode!: string;

  @IsInt({ message: 'classDays must be a whole number' })
  @Min(1, { message: 'classDays must be between 1 and 60' })
  @Max(60, { message: 'classDays must be between 1 and 60' })
  classDays!: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'teachingWeekdays must name at least one weekday' })
  @ArrayUnique({ message: 'teachingWeekdays must name each weekday once' })
  @IsIn(WEEKDAYS, { each: true, message: `each teachingWeekday must be one of: ${WEEKDAYS.join(', ')}` })
  teachingWeekdays: Weekday[] = [...DEFAULT_TEACHING_WEEKDAYS];

  @IsOptional()
  @IsInt({ message: 'classSize must be a whole number' })
  @Min(1, { message: 'classSize must be between 1 and 200' })
  @Max(200, { message: 'classSize must be between 1 and 200' })
  classSize: number = 16;

  @IsOptional()
  @IsInt({ message: 'reservesPerClass must be a whole number' })
  @Min(0, { message: 'reservesPerClass must be between 0 and 50' })
  @Max(50, { message: 'reservesPerClass must be between 0 and 50' })
  reservesPerClass: number = 2;

  @IsInt({ message: 'minimumQuorum must be a whole number' })
  @Min(1, { message: 'minimumQuorum must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'minimumQuorum must be at most 2147483647' })
  minimumQuorum!: number;

  @IsInt({ message: 'confirmByDaysBeforeStart must be a whole number' })
  @Min(0, { message: 'confirmByDaysBeforeStart must be between 0 and 60' })
  @Max(60, { message: 'confirmByDaysBeforeStart must be between 0 and 60' })
  confirmByDaysBeforeStart!: number;
}

export class AmendProgrammeDto implements AmendProgrammeRequest {
  @IsOptional()
  @IsInt({ message: 'targetParticipants must be a whole number' })
  @Min(1, { message: 'targetParticipants must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'targetParticipants must be at most 2147483647' })
  targetParticipants?: number;

  @IsOptional()
  @IsInt({ message: 'participantCeiling must be a whole number' })
  @Min(1, { message: 'participantCeiling must be at least 1' })
  @Max(MAX_INTEGER_COLUMN, { message: 'participantCeiling must be at most 2147483647' })
  participantCeiling?: number;

  @IsString()
  @Length(1, 500)
  reason!: string;
}
