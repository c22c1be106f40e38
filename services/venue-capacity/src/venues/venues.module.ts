import { Module } from '@nestjs/common';
import { ReservationsModule } from '../reservations/reservations.module';
import { VenueCatalogueConsumer } from './venue-catalogue.consumer';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({ imports: [ReservationsModule], controllers: [VenuesController, VenueCatalogueConsumer], providers: [VenuesService] })
export class VenuesModule {}
