import { Module } from '@nestjs/common';
import { ReservationsModule } from '../reservations/reservations.module';
import { UnavailabilityController } from './unavailability.controller';
import { UnavailabilityService } from './unavailability.service';

@Module({ imports: [ReservationsModule], controllers: [UnavailabilityController], providers: [UnavailabilityService] })
export class UnavailabilityModule {}
