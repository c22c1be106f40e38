import { Controller } from '@nestjs/common';
import { batchCompletedEvent, BatchLifecycleStep } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { Completion } from './completion.service';

@Controller()
export class CompletionConsumer {
  constructor(private readonly completion: Completion) {}

  @OnEvent(batchCompletedEvent)
  onBatchCompleted(step: BatchLifecycleStep, context: InboxContext): Promise<void> {
    return this.completion.complete(context.manager, step);
  }
}
