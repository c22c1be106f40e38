import { BatchFillChanged, EnrollmentView } from '@sinergi/contracts';
import { Batch } from '../classes/batch.entity';
import { Enrollment } from './enrollment.entity';

export function enrollmentView(enrollment: Enrollment): EnrollmentView {
  return {
    id: enrollment.id,
    participantId: enrollment.participantId,
    programmeId: enrollment.programmeId,
    batchId: enrollment.batchId,
    status: enrollment.status,
    channel: enrollment.channel,
    reasons: enrollment.reasons,
    reserveRank: enrollment.reserveRank,
    notSelectedReason: enrollment.notSelectedReason,
    confirmBy: enrollment.confirmBy,
    submittedAt: enrollment.submittedAt.toISOString(),
    confirmedAt: enrollment.confirmedAt?.toISOString() ?? null,
    withdrawalReason: enrollment.withdrawalReason,
    endedAt: enrollment.endedAt?.toISOString() ?? null,
  };
}

/** The BatchFillChanged payload, also what GET /batches/:batchId/fill answers. */
export function fillOf(batch: Batch): BatchFillChanged {
  return {
    batchId: batch.id,
    programmeId: batch.programmeId,
    seats: batch.seats,
    reserves: batch.reserves,
    selected: batch.selected,
    confirmed: batch.confirmed,
    reserved: batch.reserved,
    minimumQuorum: batch.minimumQuorum,
    quorumMet: batch.confirmed >= batch.minimumQuorum,
  };
}
