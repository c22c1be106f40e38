import { Module } from '@nestjs/common';
import { BatchFillController, EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { FillService } from './fill.service';

@Module({ controllers: [EnrollmentsController, BatchFillController], providers: [EnrollmentsService, FillService] })
export class EnrollmentsModule {}
