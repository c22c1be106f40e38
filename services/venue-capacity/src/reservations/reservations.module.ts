import { Module } from '@nestjs/common';
import { BatchesConsumer } from './batches.consumer';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({ controllers: [ReservationsController, BatchesConsumer], providers: [ReservationsService], exports: [ReservationsService] })
export class ReservationsModule {}
