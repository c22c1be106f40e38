import {
  EnrollmentWithdrawn,
  enrollmentWithdrawnEvent,
  NewEvent,
  ReservePromoted,
  reservePromotedEvent,
  SeatDecision,
  SeatExpired,
  seatExpiredEvent,
} from '@sinergi/contracts';

/* The one place that builds SeatExpired, ReservePromoted and EnrollmentWithdrawn, and seat decisions. */

export function seatExpired(data: SeatExpired): NewEvent<SeatExpired> {
  return seatExpiredEvent.with(data.enrollmentId, data);
}

export function reservePromoted(data: ReservePromoted): NewEvent<ReservePromoted> {
  return reservePromotedEvent.with(data.enrollmentId, data);
}

export function enrollmentWithdrawn(data: EnrollmentWithdrawn): NewEvent<EnrollmentWithdrawn> {
  return enrollmentWithdrawnEvent.with(data.enrollmentId, data);
}

export function seatDecision(enrollment: { id: string; participantId: string; programmeId: string }, batchId: string): SeatDecision {
  return { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId, batchId };
}
