import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import { BatchCommands } from './batch-commands.service';
import type { BatchListItemView, BatchPage, BatchSummaryView, BatchView, BulkPlanView } from '@sinergi/contracts';
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
  @Operation('batches.plan')
  async plan(@Param('programmeId', UuidParam) programmeId: string, @Body() dto: PlanBatchDto): Promise<BatchListItemView> {
    return batchListItemView(await this.planning.planOne(programmeId, dto));
  }

  @Post('batches/bulk')
  @Operation('batches.plan-bulk')
  planBulk(@Param('programmeId', UuidParam) programmeId: string, @Body() dto: BulkPlanBatchesDto): Promise<BulkPlanView> {
    return this.planning.planMany(programmeId, dto);
  }

  @Get('batches')
  @Operation('batches.list')
  list(@Param('programmeId', UuidParam) programmeId: string, @Query() query: ListBatchesQuery, @CurrentCaller() caller: Caller): Promise<BatchPage> {
    return this.queries.list(programmeId, query, caller);
  }

  @Get('batch-summary')
  @Operation('batches.summary')
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
  @Operation('batches.get')
  get(@Param('batchId', UuidParam) batchId: string, @CurrentCaller() caller: Caller): Promise<BatchView> {
    return this.queries.get(batchId, caller);
  }

  @Post('cancel')
  @Operation('batches.cancel')
  @HttpCode(200)
  async cancel(@Param('batchId', UuidParam) batchId: string, @Body() dto: CancelBatchDto, @CurrentCaller() caller: Caller): Promise<BatchView> {
    await this.commands.cancel(batchId, dto);
    return this.queries.get(batchId, caller);
  }

  @Post('reschedule')
  @Operation('batches.reschedule')
  @HttpCode(200)
  async reschedule(@Param('batchId', UuidParam) batchId: string, @Body() dto: RescheduleBatchDto, @CurrentCaller() caller: Caller): Promise<BatchView> {
    await this.commands.reschedule(batchId, dto);
    return this.queries.get(batchId, caller);
  }

  @Post('close')
  @Operation('batches.close')
  @HttpCode(200)
  async close(@Param('batchId', UuidParam) batchId: string, @CurrentCaller() caller: Caller): Promise<BatchView> {
    await this.queries.reachable(batchId, caller);
    await this.commands.close(batchId);
    return this.queries.get(batchId, caller);
  }
}
