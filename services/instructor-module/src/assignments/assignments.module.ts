import { Module } from '@nestjs/common';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { BatchesConsumer } from './batches.consumer';

@Module({ controllers: [AssignmentsController, BatchesConsumer], providers: [AssignmentsService] })
export class AssignmentsModule {}
