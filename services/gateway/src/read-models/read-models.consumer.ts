import { Controller } from '@nestjs/common';
import {
  BatchCancelled,
  batchCancelledEvent,
  batchClosedEvent,
  batchCompletedEvent,
  BatchConfirmed,
  batchConfirmedEvent,
  BatchFillChanged,
  batchFillChangedEvent,
  BatchLifecycleStep,
  BatchPlanned,
  batchPlannedEvent,
  BatchPlanningFailed,
  batchPlanningFailedEvent,
  BatchRescheduled,
  batchRescheduledEvent,
  batchStartedEvent,
  NotificationDelivered,
  notificationDeliveredEvent,
  NotificationFailed,
  notificationFailedEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { ADVISORY_LOCKS, lockSharedUntilTransactionEnds } from '@sinergi/platform';
import { READ_MODELS_SCHEMA } from './projection-tables';
import { project } from './projections';
import { announceChange } from './live/read-model-changes';

/**
 * Follows the public topics into the gateway's read models, in the inbox's transaction. Each update holds
 * the read-models lock shared, so that a rebuild swapping its schema in waits for them and they for it,
 * and announces its change (NOTIFY, delivered on commit) to the live dashboards.
 */
@Controller()
export class ReadModelsConsumer {
  private async apply(context: InboxContext, data: unknown): Promise<void> {
    await lockSharedUntilTransactionEnds(context.manager, ADVISORY_LOCKS.readModels);
    await project(context.manager, READ_MODELS_SCHEMA, { type: context.envelope.type, time: context.envelope.time, data });
    await announceChange(context.manager, READ_MODELS_SCHEMA, context.envelope.type, data as { batchId?: string });
  }

  @OnEvent(batchPlannedEvent)
  async onBatchPlanned(batch: BatchPlanned, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchConfirmedEvent)
  async onBatchConfirmed(batch: BatchConfirmed, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchPlanningFailedEvent)
  async onBatchPlanningFailed(batch: BatchPlanningFailed, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchCancelledEvent)
  async onBatchCancelled(batch: BatchCancelled, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchRescheduledEvent)
  async onBatchRescheduled(batch: BatchRescheduled, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchStartedEvent)
  async onBatchStarted(batch: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchCompletedEvent)
  async onBatchCompleted(batch: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchClosedEvent)
  async onBatchClosed(batch: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await this.apply(context, batch);
  }

  @OnEvent(batchFillChangedEvent)
  async onBatchFillChanged(fill: BatchFillChanged, context: InboxContext): Promise<void> {
    await this.apply(context, fill);
  }

  @OnEvent(notificationDeliveredEvent)
  async onNotificationDelivered(delivery: NotificationDelivered, context: InboxContext): Promise<void> {
    await this.apply(context, delivery);
  }

  @OnEvent(notificationFailedEvent)
  async onNotificationFailed(delivery: NotificationFailed, context: InboxContext): Promise<void> {
    await this.apply(context, delivery);
  }
}
