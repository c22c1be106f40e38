import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { ClassChangeConsumer } from './class-change.consumer';
import { ClassChanges } from './class-changes.service';
import { MovesController } from './moves.controller';
import { MovesService } from './moves.service';
import { OfferTimer } from './offer.timer';

@Module({
  imports: [EnrollmentsModule],
  controllers: [MovesController, ClassChangeConsumer],
  providers: [ClassChanges, MovesService, OfferTimer],
})
export class MovesModule {}
