import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { ParticipantsModule } from '../participants/participants.module';
import { NominationsConsumer } from './nominations.consumer';

@Module({ imports: [ParticipantsModule, EnrollmentsModule], controllers: [NominationsConsumer] })
export class NominationsModule {}
