import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  BatchCancelled,
  batchCancelledEvent,
  BatchPlanned,
  batchPlannedEvent,
  BatchPlanningFailed,
  batchPlanningFailedEvent,
  BatchRescheduled,
  batchRescheduledEvent,
} from '@sinergi/contracts';
import { InboxContext } from '@sinergi/messaging';
import { ReservationsService } from './reservations.service';

/** The batch saga asks for a room (BatchPlanned), moves it to new dates (BatchRescheduled) and gives it back (planning failed, class cancelled). */
@Controller()
export class BatchesConsumer {
  constructor(private readonly reservations: ReservationsService) {}

  @EventPattern(batchPlannedEvent.type)
  async onBatchPlanned(@Payload() batch: BatchPlanned, @Ctx() context: InboxContext): Promise<void> {
    await this.reservations.reserve(context.manager, batch);
  }

  @EventPattern(batchRescheduledEvent.type)
  async onBatchRescheduled(@Payload() rescheduled: BatchRescheduled, @Ctx() context: InboxContext): Promise<void> {
    await this.reservations.reschedule(context.manager, rescheduled);
  }

  @EventPattern(batchPlanningFailedEvent.type)
  onBatchPlanningFailed(@Payload() failed: BatchPlanningFailed, @Ctx() context: InboxContext): Promise<void> {
    return this.reservations.release(context.manager, failed.batchId, `class planning failed (${failed.failedStep}): ${failed.reason}`);
  }

  @EventPattern(batchCancelledEvent.type)
  onBatchCancelled(@Payload() cancelled: BatchCancelled, @Ctx() context: InboxContext): Promise<void> {
    return this.reservations.release(context.manager, cancelled.batchId, `class cancelled (${cancelled.reason}): ${cancelled.detail}`);
  }
}
