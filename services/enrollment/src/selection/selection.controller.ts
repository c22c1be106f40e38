import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import { DrawSelectionDto } from './selection.dto';
import type { SelectionView } from '@sinergi/contracts';
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

  /** The seed, the pool in draw order with each sort key and outcome: all an auditor needs to re-run the draw. */
  @Get()
  @Operation('selection.get')
  get(@Param('programmeId', UuidParam) programmeId: string): Promise<SelectionView> {
    return this.selection.get(programmeId);
  }
}
