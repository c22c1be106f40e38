import { Module } from '@nestjs/common';
import { Admission } from './admission.service';
import { ConfirmByTimer } from './confirm-by.timer';
import { BatchFillController, EnrollmentsController, ProgrammeFillController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { FillService } from './fill.service';
import { SeatRelease } from './seat-release.service';

@Module({
  controllers: [EnrollmentsController, BatchFillController, ProgrammeFillController],
  providers: [EnrollmentsService, FillService, SeatRelease, ConfirmByTimer, Admission],
  exports: [Admission, SeatRelease],
})
export class EnrollmentsModule {}
