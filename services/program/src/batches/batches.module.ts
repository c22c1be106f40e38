import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@sinergi/platform';
import { BatchCommands } from './batch-commands.service';
import { BatchPlanning } from './batch-planning.service';
import { BatchQueries } from './batch-queries.service';
import { BatchRepliesConsumer } from './batch-replies.consumer';
import { BatchSaga } from './batch-saga.service';
import { BatchTimer } from './batch-timer';
import { BatchesController, ProgrammeBatchesController } from './batches.controller';
import { ProgramConfig } from './batches.config';

@Module({})
export class BatchesModule {
  /** The service definition hands every module the common config type; program's is always a ProgramConfig. */
  static forRoot(config: ServiceConfig): DynamicModule {
    if (!(config instanceof ProgramConfig)) throw new Error('BatchesModule needs the program service to load ProgramConfig');
    return {
      module: BatchesModule,
      controllers: [ProgrammeBatchesController, BatchesController, BatchRepliesConsumer],
      providers: [{ provide: ProgramConfig, useValue: config }, BatchSaga, BatchPlanning, BatchCommands, BatchQueries, BatchTimer],
    };
  }
}
