import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DeadLetterCounter } from './dead-letter-counts';
import { ReadModelsConsumer } from './read-models.consumer';

@Module({ controllers: [ReadModelsConsumer, DashboardController], providers: [DeadLetterCounter] })
export class ReadModelsModule {}
