import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsUUID, ValidateNested } from 'class-validator';
import type { AttendanceEntry, RecordAttendanceRequest } from '@sinergi/contracts';

/** Nest prefixes these messages with `records.<index>.`. */
export class AttendanceRecordDto implements AttendanceEntry {
  @IsUUID('all', { message: 'enrollmentId: must be a UUID' })
  enrollmentId!: string;

  @IsBoolean({ message: 'present: must be true or false' })
  present!: boolean;
}

export class RecordAttendanceDto implements RecordAttendanceRequest {
  @IsArray({ message: 'records: must be a list of { enrollmentId, present }' })
  @ArrayMinSize(1, { message: 'records: must list at least one participant' })
  @ArrayMaxSize(200, { message: 'records: must list at most 200 participants (a class has at most 200 seats)' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}
