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
import { AssignmentsService } from './assignments.service';

/**
 * The batch saga's side of instructors: staff each planned class, follow a rescheduled one to its new dates
 * (or hand it to another instructor), free the instructor of a failed or cancelled one.
 */
@Controller()
export class BatchesConsumer {
  constructor(private readonly assignments: AssignmentsService) {}

  @OnEvent(batchPlannedEvent)
  async onBatchPlanned(batch: BatchPlanned, context: InboxContext): Promise<void> {
    await this.assignments.assignClass(context.manager, batch);
  }

  @OnEvent(batchPlanningFailedEvent)
  async onBatchPlanningFailed(batch: BatchPlanningFailed, context: InboxContext): Promise<void> {
    await this.assignments.releaseClass(context.manager, batch.batchId, `batch planning failed (${batch.failedStep}): ${batch.reason}`);
  }

  @OnEvent(batchRescheduledEvent)
  async onBatchRescheduled(batch: BatchRescheduled, context: InboxContext): Promise<void> {
    await this.assignments.rescheduleClass(context.manager, batch);
  }

  @OnEvent(batchCancelledEvent)
  async onBatchCancelled(batch: BatchCancelled, context: InboxContext): Promise<void> {
    await this.assignments.releaseClass(context.manager, batch.batchId, `batch cancelled (${batch.reason}): ${batch.detail}`);
  }
}
