import {
  batchCancelledEvent,
  batchClosedEvent,
  batchCompletedEvent,
  BatchConfirmed,
  batchConfirmedEvent,
  BatchPlanned,
  batchPlannedEvent,
  batchPlanningFailedEvent,
  batchRescheduledEvent,
  batchStartedEvent,
  NewEvent,
} from '@sinergi/contracts';
import { Batch } from './batch.entity';
import { SagaOutcome } from './batch-saga.rules';

const REASON_MAX = 500;
const clip = (text: string) => (text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text);

export function batchPlanned(batch: Batch): NewEvent<BatchPlanned> {
  return batchPlannedEvent.with(batch.id, {
    batchId: batch.id,
    programmeId: batch.programmeId,
    moduleCode: batch.moduleCode,
    provinceCode: batch.provinceCode,
    venueCode: batch.venueCode,
    startDate: batch.startDate,
    endDate: batch.endDate,
    seats: batch.seats,
    reserves: batch.reserves,
    minimumQuorum: batch.minimumQuorum,
    confirmBy: batch.confirmBy,
    replyBy: batch.replyBy.toISOString(),
    classDates: batch.classDates,
    ...(batch.proposedInstructorId ? { proposedInstructorId: batch.proposedInstructorId } : {}),
  });
}

/** The event a saga outcome publishes, built from the batch as it is after the transition. */
export function eventOf(batch: Batch, outcome: SagaOutcome, today: string): NewEvent | undefined {
  const ids = { batchId: batch.id, programmeId: batch.programmeId };
  switch (outcome.kind) {
    case 'recorded':
      return undefined;
    case 'confirmed':
      return batchConfirmedEvent.with(batch.id, { ...ids, ...confirmedData(batch) });
    case 'failed':
      return batchPlanningFailedEvent.with(batch.id, { ...ids, failedStep: outcome.failedStep, reason: clip(outcome.reason) });
    case 'cancelled':
      return batchCancelledEvent.with(batch.id, { ...ids, reason: outcome.reason, detail: clip(outcome.detail) });
    case 'rescheduled':
      return batchRescheduledEvent.with(batch.id, {
        ...ids,
        previousStartDate: outcome.previousStartDate,
        previousEndDate: outcome.previousEndDate,
        startDate: batch.startDate,
        endDate: batch.endDate,
        reason: clip(outcome.reason),
        classDates: batch.classDates,
      });
    case 'started':
      return batchStartedEvent.with(batch.id, { ...ids, on: batch.startDate });
    case 'completed':
      return batchCompletedEvent.with(batch.id, { ...ids, on: batch.endDate });
    case 'closed':
      return batchClosedEvent.with(batch.id, { ...ids, on: today });
  }
}

function confirmedData(batch: Batch): Omit<BatchConfirmed, 'batchId' | 'programmeId'> {
  return {
    moduleCode: batch.moduleCode,
    provinceCode: batch.provinceCode,
    venueCode: batch.venueCode,
    roomCode: batch.roomCode as string,
    instructorId: batch.instructorId as string,
    startDate: batch.startDate,
    endDate: batch.endDate,
    seats: batch.seats,
    reserves: batch.reserves,
    minimumQuorum: batch.minimumQuorum,
    confirmBy: batch.confirmBy,
    classDates: batch.classDates,
  };
}
