import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { batchCompletedEvent, BatchLifecycleStep } from '@sinergi/contracts';
import { InboxContext } from '@sinergi/messaging';
import { Completion } from './completion';

@Controller()
export class CompletionConsumer {
  constructor(private readonly completion: Completion) {}

  @EventPattern(batchCompletedEvent.type)
  onBatchCompleted(@Payload() step: BatchLifecycleStep, @Ctx() context: InboxContext): Promise<void> {
    return this.completion.complete(context.manager, step);
  }
}
