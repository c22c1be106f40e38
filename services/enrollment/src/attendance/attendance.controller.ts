import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import { RecordAttendanceDto } from './attendance.dto';
import type { ClassRegisterView } from '@sinergi/contracts';
import { AttendanceService } from './attendance.service';

/** The class register, kept by the venue operator day by day. */
@Controller('batches')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Put(':batchId/attendance/:day')
  @Operation('attendance.record')
  record(
    @Param('batchId', UuidParam) batchId: string,
    @Param('day') day: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClassRegisterView> {
    return this.attendance.record(batchId, day, dto.records, caller);
  }

  @Get(':batchId/attendance')
  @Operation('attendance.get')
  register(@Param('batchId', UuidParam) batchId: string, @CurrentCaller() caller: Caller): Promise<ClassRegisterView> {
    return this.attendance.register(batchId, caller);
  }
}
