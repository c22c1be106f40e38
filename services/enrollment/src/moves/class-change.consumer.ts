import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BatchCancelled, batchCancelledEvent, BatchRescheduled, batchRescheduledEvent } from '@sinergi/contracts';
import { InboxContext } from '@sinergi/messaging';
import { ClassChanges } from './class-changes';

@Controller()
export class ClassChangeConsumer {
  constructor(private readonly changes: ClassChanges) {}

  @EventPattern(batchCancelledEvent.type)
  onBatchCancelled(@Payload() cancelled: BatchCancelled, @Ctx() context: InboxContext): Promise<void> {
    return this.changes.cancel(context.manager, cancelled);
  }

  @EventPattern(batchRescheduledEvent.type)
  onBatchRescheduled(@Payload() rescheduled: BatchRescheduled, @Ctx() context: InboxContext): Promise<void> {
    return this.changes.reschedule(context.manager, rescheduled);
  }
}
