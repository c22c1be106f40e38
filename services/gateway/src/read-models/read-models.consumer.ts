import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { announceChange, announcementKey } from './live/read-model-changes';

const HOLDING_THE_LOCK = 'read-models lock';

/**
 * Follows the public topics into the gateway's read models, in the inbox's transaction. Each update holds
 * the read-models lock shared, so that a rebuild swapping its schema in waits for them and they for it,
 * and announces its change (NOTIFY, delivered on commit) to the live dashboards.
 */
@Controller()
export class ReadModelsConsumer {
  /**
   * What each inbox transaction did already: one handles a run of events, and each has a manager of its own (never
   * reused for another), so the lock is asked for once a run and an announcement the run made already is not repeated.
   */
  private readonly doneInTransaction = new WeakMap<EntityManager, Set<string>>();

  private async apply(context: InboxContext, data: unknown): Promise<void> {
    const done = this.doneIn(context.manager);
    if (!done.has(HOLDING_THE_LOCK)) {
      await lockSharedUntilTransactionEnds(context.manager, ADVISORY_LOCKS.readModels);
      done.add(HOLDING_THE_LOCK);
    }
    await project(context.manager, READ_MODELS_SCHEMA, { type: context.envelope.type, time: context.envelope.time, data });
    const announcement = announcementKey(context.envelope.type, data as { batchId?: string });
    if (announcement !== undefined && done.has(announcement)) return;
    await announceChange(context.manager, READ_MODELS_SCHEMA, context.envelope.type, data as { batchId?: string });
    if (announcement !== undefined) done.add(announcement);
  }

  private doneIn(manager: EntityManager): Set<string> {
    let done = this.doneInTransaction.get(manager);
    if (!done) this.doneInTransaction.set(manager, (done = new Set()));
    return done;
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
