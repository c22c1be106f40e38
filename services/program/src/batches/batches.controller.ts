import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidParam } from '@sinergi/platform';
import { BatchCommands } from './batch-commands.service';
import type { BatchListItemView, BatchSummaryView, BatchView, BulkPlanView } from '@sinergi/contracts';
import { BatchPlanning } from './batch-planning.service';
import { BatchQueries } from './batch-queries.service';
import { batchListItemView } from './batch.views';
import { BulkPlanBatchesDto, CancelBatchDto, ListBatchesQuery, PlanBatchDto, RescheduleBatchDto } from './batch.dto';


@Controller('programmes/:programmeId')
export class ProgrammeBatchesController {
  constructor(
    private readonly planning: BatchPlanning,
    private readonly queries: BatchQueries,
  ) {}

  @Post('batches')
  async plan(@Param('programmeId', UuidParam) programmeId: string, @Body() dto: PlanBatchDto): Promise<BatchListItemView> {
    return batchListItemView(await this.planning.planOne(programmeId, dto));
  }

  @Post('batches/bulk')
  planBulk(@Param('programmeId', UuidParam) programmeId: string, @Body() dto: BulkPlanBatchesDto): Promise<BulkPlanView> {
    return this.planning.planMany(programmeId, dto);
  }

  @Get('batches')
  list(@Param('programmeId', UuidParam) programmeId: string, @Query() query: ListBatchesQuery): Promise<BatchListItemView[]> {
    return this.queries.list(programmeId, query.status);
  }

  @Get('batch-summary')
  summary(@Param('programmeId', UuidParam) programmeId: string): Promise<BatchSummaryView> {
    return this.queries.summary(programmeId);
  }
}

@Controller('batches/:batchId')
export class BatchesController {
  constructor(
    private readonly commands: BatchCommands,
    private readonly queries: BatchQueries,
  ) {}

  @Get()
  get(@Param('batchId', UuidParam) batchId: string): Promise<BatchView> {
    return this.queries.get(batchId);
  }

  @Post('cancel')
  @HttpCode(200)
  async cancel(@Param('batchId', UuidParam) batchId: string, @Body() dto: CancelBatchDto): Promise<BatchView> {
    await this.commands.cancel(batchId, dto);
    return this.queries.get(batchId);
  }

  @Post('reschedule')
  @HttpCode(200)
  async reschedule(@Param('batchId', UuidParam) batchId: string, @Body() dto: RescheduleBatchDto): Promise<BatchView> {
    await this.commands.reschedule(batchId, dto);
    return this.queries.get(batchId);
  }

  @Post('close')
  @HttpCode(200)
  async close(@Param('batchId', UuidParam) batchId: string): Promise<BatchView> {
    await this.commands.close(batchId);
    return this.queries.get(batchId);
  }
}
