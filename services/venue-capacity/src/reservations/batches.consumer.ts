import { Controller } from '@nestjs/common';
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
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { ReservationsService } from './reservations.service';

/** The batch saga asks for a room (BatchPlanned), moves it to new dates (BatchRescheduled) and gives it back (planning failed, class cancelled). */
@Controller()
export class BatchesConsumer {
  constructor(private readonly reservations: ReservationsService) {}

  @OnEvent(batchPlannedEvent)
  async onBatchPlanned(batch: BatchPlanned, context: InboxContext): Promise<void> {
    await this.reservations.reserve(context.manager, batch);
  }

  @OnEvent(batchRescheduledEvent)
  async onBatchRescheduled(rescheduled: BatchRescheduled, context: InboxContext): Promise<void> {
    await this.reservations.reschedule(context.manager, rescheduled);
  }

  @OnEvent(batchPlanningFailedEvent)
  onBatchPlanningFailed(failed: BatchPlanningFailed, context: InboxContext): Promise<void> {
    return this.reservations.release(context.manager, failed.batchId, `class planning failed (${failed.failedStep}): ${failed.reason}`);
  }

  @OnEvent(batchCancelledEvent)
  onBatchCancelled(cancelled: BatchCancelled, context: InboxContext): Promise<void> {
    return this.reservations.release(context.manager, cancelled.batchId, `class cancelled (${cancelled.reason}): ${cancelled.detail}`);
  }
}
