import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';

@Module({ controllers: [AttendanceController], providers: [AttendanceService] })
export class AttendanceModule {}
