import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Outbox } from '@sinergi/messaging';
import { Batch } from './batch.entity';
import { eventOf } from './batch-events';
import { decide, SagaDecision, SagaInput, SagaState } from './batch-saga.rules';
import { BatchTransition } from './batch-transition.entity';
import { CALENDAR_TIME_ZONE, todayIn } from './calendar';

/** Applies saga inputs (replies, commands, the clock) to batches, one transaction each, with their events. */
@Injectable()
export class BatchSaga {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Decides under the batch's row lock, so that two replies handled at once (they arrive on
   * different topics and partitions) cannot both decide. Inputs that do not fit are recorded
   * in the history and change nothing. Returns undefined for an unknown batch.
   */
  async apply(manager: EntityManager, batchId: string, input: SagaInput, trigger: string): Promise<SagaDecision | undefined> {
    const batch = await manager.findOne(Batch, { where: { id: batchId }, lock: { mode: 'pessimistic_write' } });
    if (!batch) return undefined;
    const fromStatus = batch.status;
    const decision = decide(stateOf(batch), input);
    let eventType: string | null = null;
    if (decision.applied) {
      Object.assign(batch, decision.state);
      await manager.update(Batch, { id: batchId }, decision.state);
      const event = eventOf(batch, decision.outcome, todayIn(CALENDAR_TIME_ZONE));
      if (event) {
        await this.outbox.append(manager, event);
        eventType = event.type;
      }
    }
    await manager.insert(BatchTransition, {
      batchId,
      trigger,
      fromStatus,
      toStatus: batch.status,
      eventType,
      applied: decision.applied,
      note: decision.note,
    });
    return decision;
  }
}

function stateOf(batch: Batch): SagaState {
  return {
    status: batch.status,
    startDate: batch.startDate,
    endDate: batch.endDate,
    confirmBy: batch.confirmBy,
    reservationId: batch.reservationId,
    roomCode: batch.roomCode,
    assignmentId: batch.assignmentId,
    instructorId: batch.instructorId,
    failedStep: batch.failedStep,
    failureReason: batch.failureReason,
    cancellationReason: batch.cancellationReason,
    cancellationDetail: batch.cancellationDetail,
  };
}
