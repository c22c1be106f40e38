import type { Agreement } from '../agreements/agreement.entity';

export interface ProgrammeLimits {
  targetParticipants: number;
  participantCeiling: number;
  minimumQuorum: number;
  classSize: number;
  periodStart: string;
  periodEnd: string;
}

/**
 * Why a programme cannot run under this agreement with these limits, or null when it can.
 * `otherProgrammesCeiling` is what the agreement's other programmes already hold.
 */
export function programmeProblem(agreement: Agreement, limits: ProgrammeLimits, otherProgrammesCeiling: number): string | null {
  if (agreement.kind !== 'PKS') return 'agreementId: a programme runs under a PKS, not an MoU';
  if (limits.periodEnd < limits.periodStart) return 'periodEnd must not be before periodStart';
  if (limits.periodStart < agreement.signedOn) return 'periodStart must not be before the PKS was signed';
  if (agreement.validUntil && limits.periodEnd > agreement.validUntil) return `periodEnd must not be after the PKS ends (${agreement.validUntil})`;
  if (limits.participantCeiling < limits.targetParticipants) return 'participantCeiling must be at least targetParticipants';
  if (limits.minimumQuorum > limits.classSize) return 'minimumQuorum must not exceed classSize';
  if (agreement.participantCeiling !== null && otherProgrammesCeiling + limits.participantCeiling > agreement.participantCeiling) {
    const left = Math.max(0, agreement.participantCeiling - otherProgrammesCeiling);
    return `participantCeiling: the PKS allows ${agreement.participantCeiling} participants and ${left} are left for this programme`;
  }
  return null;
}

/** An amendment may only raise targets, and never past the agreement's ceiling. */
export function amendmentProblem(current: { targetParticipants: number; participantCeiling: number }, next: { targetParticipants: number; participantCeiling: number }): string | null {
  if (next.targetParticipants < current.targetParticipants) return 'targetParticipants can only be raised';
  if (next.participantCeiling < current.participantCeiling) return 'participantCeiling can only be raised';
  return null;
}
