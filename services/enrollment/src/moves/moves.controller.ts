import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import type { EnrollmentView } from '@sinergi/contracts';
import { MoveDto } from './move.dto';
import { MovesService } from './moves.service';

/** A participant's answer to a class-change offer (their class was cancelled or rescheduled). */
@Controller('enrollments')
export class MovesController {
  constructor(private readonly moves: MovesService) {}

  @Post(':id/move')
  @Operation('enrollments.move')
  @HttpCode(200)
  move(@Param('id', UuidParam) id: string, @Body() dto: MoveDto): Promise<EnrollmentView> {
    return this.moves.move(id, dto.batchId);
  }

  @Post(':id/release')
  @Operation('enrollments.release')
  @HttpCode(200)
  release(@Param('id', UuidParam) id: string): Promise<EnrollmentView> {
    return this.moves.release(id);
  }
}
