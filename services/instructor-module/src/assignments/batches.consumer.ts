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
import { AssignmentsService } from './assignments.service';

/**
 * The batch saga's side of instructors: staff each planned class, follow a rescheduled one to its new dates
 * (or hand it to another instructor), free the instructor of a failed or cancelled one.
 */
@Controller()
export class BatchesConsumer {
  constructor(private readonly assignments: AssignmentsService) {}

  @EventPattern(batchPlannedEvent.type)
  async onBatchPlanned(@Payload() batch: BatchPlanned, @Ctx() context: InboxContext): Promise<void> {
    await this.assignments.assignClass(context.manager, batch);
  }

  @EventPattern(batchPlanningFailedEvent.type)
  async onBatchPlanningFailed(@Payload() batch: BatchPlanningFailed, @Ctx() context: InboxContext): Promise<void> {
    await this.assignments.releaseClass(context.manager, batch.batchId, `batch planning failed (${batch.failedStep}): ${batch.reason}`);
  }

  @EventPattern(batchRescheduledEvent.type)
  async onBatchRescheduled(@Payload() batch: BatchRescheduled, @Ctx() context: InboxContext): Promise<void> {
    await this.assignments.rescheduleClass(context.manager, batch);
  }

  @EventPattern(batchCancelledEvent.type)
  async onBatchCancelled(@Payload() batch: BatchCancelled, @Ctx() context: InboxContext): Promise<void> {
    await this.assignments.releaseClass(context.manager, batch.batchId, `batch cancelled (${batch.reason}): ${batch.detail}`);
  }
}
