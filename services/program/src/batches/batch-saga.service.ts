import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BatchFillChanged, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Batch } from './batch.entity';
import { eventOf } from './batch-events';
import { decide, isLatestFill, SagaDecision, SagaInput, SagaState } from './batch-saga.rules';
import { BatchTransition } from './batch-transition.entity';

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
      const event = eventOf(batch, decision.outcome, todayInWib());
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

  /**
   * Records enrollment's fill of a class, under the batch's row lock; an older fill than the one
   * recorded (by event time) is kept in the history only. The fill decides nothing by itself: the
   * timer reads it once the confirm-by day has passed. Returns undefined for an unknown batch.
   */
  async recordFill(manager: EntityManager, fill: BatchFillChanged, eventTime: Date, trigger: string): Promise<boolean | undefined> {
    // Raw statements: a fill arrives with every enrollment decision, and TypeORM's entity round trip cost more than the work.
    const [batch] = await manager.query<Array<Pick<Batch, 'status' | 'fillAt' | 'quorumCheckedOn'>>>(
      'SELECT status, fill_at AS "fillAt", quorum_checked_on::text AS "quorumCheckedOn" FROM batches WHERE id = $1 FOR UPDATE',
      [fill.batchId],
    );
    if (!batch) return undefined;
    const counts = `${fill.selected} selected, ${fill.confirmed} confirmed, ${fill.reserved} reserves; quorum ${fill.minimumQuorum} ${fill.quorumMet ? 'met' : 'not met'}`;
    const latest = isLatestFill(batch.fillAt, eventTime);
    let note = latest ? `fill: ${counts}` : `older fill than the one recorded (${batch.fillAt?.toISOString()}), kept out: ${counts}`;
    if (latest && batch.status !== 'confirmed') note += ` (recorded for a ${batch.status} batch)`;
    else if (latest && batch.quorumCheckedOn) note += ` (quorum already evaluated on ${batch.quorumCheckedOn})`;
    await manager.query(
      `WITH recorded AS (
         UPDATE batches SET fill_selected = $2, fill_confirmed = $3, fill_reserved = $4, fill_quorum_met = $5, fill_at = $6 WHERE id = $1 AND $7
       )
       INSERT INTO batch_transitions (batch_id, trigger, from_status, to_status, event_type, applied, note) VALUES ($1, $8, $9, $9, NULL, $7, $10)`,
      [fill.batchId, fill.selected, fill.confirmed, fill.reserved, fill.quorumMet, eventTime, latest, trigger, batch.status, note],
    );
    return latest;
  }
}

function stateOf(batch: Batch): SagaState {
  return {
    status: batch.status,
    startDate: batch.startDate,
    endDate: batch.endDate,
    classDates: batch.classDates,
    confirmBy: batch.confirmBy,
    reservationId: batch.reservationId,
    roomCode: batch.roomCode,
    assignmentId: batch.assignmentId,
    instructorId: batch.instructorId,
    failedStep: batch.failedStep,
    failureReason: batch.failureReason,
    cancellationReason: batch.cancellationReason,
    cancellationDetail: batch.cancellationDetail,
    seats: batch.seats,
    minimumQuorum: batch.minimumQuorum,
    quorumCheckedOn: batch.quorumCheckedOn,
  };
}
