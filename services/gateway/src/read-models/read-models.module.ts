import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { ReadModelsConsumer } from './read-models.consumer';

@Module({ controllers: [ReadModelsConsumer, DashboardController] })
export class ReadModelsModule {}
