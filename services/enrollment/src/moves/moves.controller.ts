import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller, CurrentCaller, NotFound, Operation, UuidParam } from '@sinergi/platform';
import type { ClassChangeOfferView, EnrollmentView } from '@sinergi/contracts';
import { ClassChangeOffer } from './class-change-offer.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { MoveDto } from './move.dto';
import { MovesService } from './moves.service';

/** A participant's answer to a class-change offer (their class was cancelled or rescheduled). */
@Controller('enrollments')
export class MovesController {
  constructor(
    private readonly moves: MovesService,
    private readonly dataSource: DataSource,
  ) {}

  /** The open offer, to show its options; 404 `id`/`open-offer` when there is none (never made, answered or superseded). */
  @Get(':id/offer')
  @Operation('enrollments.offer')
  async offer(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<ClassChangeOfferView> {
    await this.assertReachable(id, caller);
    const offer = await this.dataSource.getRepository(ClassChangeOffer).findOneBy({ enrollmentId: id, state: 'open' });
    if (!offer) throw new NotFound({ field: 'id', rule: 'open-offer', message: `enrollment ${id} has no open offer to move to another class` });
    return {
      enrollmentId: id,
      fromBatchId: offer.fromBatchId,
      reason: offer.reason,
      options: offer.options,
      respondBy: offer.respondBy,
      offeredAt: offer.offeredAt.toISOString(),
    };
  }

  @Post(':id/move')
  @Operation('enrollments.move')
  @HttpCode(200)
  async move(@Param('id', UuidParam) id: string, @Body() dto: MoveDto, @CurrentCaller() caller: Caller): Promise<EnrollmentView> {
    await this.assertReachable(id, caller);
    return this.moves.move(id, dto.batchId);
  }

  @Post(':id/release')
  @Operation('enrollments.release')
  @HttpCode(200)
  async release(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EnrollmentView> {
    await this.assertReachable(id, caller);
    return this.moves.release(id);
  }

  /** A participant answers only offers about their own enrollment. */
  private async assertReachable(id: string, caller: Caller): Promise<void> {
    const enrollment = await this.dataSource.getRepository(Enrollment).findOne({ select: { id: true, participantId: true }, where: { id } });
    if (!enrollment) throw new NotFound({ field: 'id', rule: 'exists', message: `no enrollment with id ${id}` });
    caller.assertReaches({ participantId: enrollment.participantId }, 'id');
  }
}
