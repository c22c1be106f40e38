import { Controller } from '@nestjs/common';
import { BatchCancelled, batchCancelledEvent, BatchRescheduled, batchRescheduledEvent } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { ClassChanges } from './class-changes.service';

@Controller()
export class ClassChangeConsumer {
  constructor(private readonly changes: ClassChanges) {}

  @OnEvent(batchCancelledEvent)
  onBatchCancelled(cancelled: BatchCancelled, context: InboxContext): Promise<void> {
    return this.changes.cancel(context.manager, cancelled);
  }

  @OnEvent(batchRescheduledEvent)
  onBatchRescheduled(rescheduled: BatchRescheduled, context: InboxContext): Promise<void> {
    return this.changes.reschedule(context.manager, rescheduled);
  }
}
