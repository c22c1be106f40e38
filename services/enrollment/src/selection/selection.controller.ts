import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import type { DrawEntry, Page, SelectionView } from '@sinergi/contracts';
import { DrawSelectionDto, SelectionEntriesQuery } from './selection.dto';
import { SelectionService } from './selection.service';

@Controller('programmes/:programmeId/selection')
export class SelectionController {
  constructor(private readonly selection: SelectionService) {}

  /** Closes registration and draws (or ranks) the pool; a repeat answers the first draw. */
  @Post()
  @Operation('selection.draw')
  @HttpCode(200)
  draw(@Param('programmeId', UuidParam) programmeId: string, @Body() dto: DrawSelectionDto): Promise<SelectionView> {
    return this.selection.draw(programmeId, dto.seed);
  }

  /** The draw's summary: seed, pool size and digest, how many entries got each outcome. */
  @Get()
  @Operation('selection.get')
  get(@Param('programmeId', UuidParam) programmeId: string): Promise<SelectionView> {
    return this.selection.get(programmeId);
  }

  /** The pool in draw order (by position) with each sort key and outcome: with the seed, all an auditor needs to re-run the draw. */
  @Get('entries')
  @Operation('selection.entries')
  entries(@Param('programmeId', UuidParam) programmeId: string, @Query() query: SelectionEntriesQuery): Promise<Page<DrawEntry>> {
    return this.selection.entries(programmeId, query);
  }
}
