import { Module } from '@nestjs/common';
import { BatchCommands } from './batch-commands.service';
import { BatchPlanning } from './batch-planning.service';
import { BatchQueries } from './batch-queries.service';
import { BatchRepliesConsumer } from './batch-replies.consumer';
import { BatchSaga } from './batch-saga.service';
import { BatchTimer } from './batch.timer';
import { BatchesController, ProgrammeBatchesController } from './batches.controller';

@Module({
  controllers: [ProgrammeBatchesController, BatchesController, BatchRepliesConsumer],
  providers: [BatchSaga, BatchPlanning, BatchCommands, BatchQueries, BatchTimer],
})
export class BatchesModule {}
