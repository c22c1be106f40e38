import { Module } from '@nestjs/common';
import { CsvModule } from '../csv/csv.module';
import { DashboardController } from './dashboard.controller';
import { DashboardCsvController } from './dashboard-csv.controller';
import { DashboardReads } from './dashboard.reads';
import { DeadLetterCounter } from './dead-letter-counts';
import { DashboardChangesController } from './live/changes.controller';
import { LiveStreams } from './live/live-streams';
import { ReadModelChangeListener } from './live/read-model-change-listener';
import { ReadModelsConsumer } from './read-models.consumer';

@Module({
  imports: [CsvModule],
  controllers: [ReadModelsConsumer, DashboardController, DashboardCsvController, DashboardChangesController],
  providers: [DashboardReads, DeadLetterCounter, ReadModelChangeListener, LiveStreams],
})
export class ReadModelsModule {}
