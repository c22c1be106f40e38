import type { FieldError } from '@sinergi/contracts';
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
export function programmeProblem(agreement: Agreement, limits: ProgrammeLimits, otherProgrammesCeiling: number): FieldError | null {
  if (agreement.kind !== 'PKS') return { field: 'agreementId', rule: 'pks', message: 'a programme runs under a PKS, not an MoU' };
  if (limits.periodEnd < limits.periodStart) return { field: 'periodEnd', rule: 'not-before-period-start', message: 'periodEnd must not be before periodStart' };
  if (limits.periodStart < agreement.signedOn) return { field: 'periodStart', rule: 'within-agreement', message: 'periodStart must not be before the PKS was signed' };
  if (agreement.validUntil && limits.periodEnd > agreement.validUntil) {
    return { field: 'periodEnd', rule: 'within-agreement', message: `periodEnd must not be after the PKS ends (${agreement.validUntil})` };
  }
  if (limits.participantCeiling < limits.targetParticipants) {
    return { field: 'participantCeiling', rule: 'at-least-target', message: 'participantCeiling must be at least targetParticipants' };
  }
  if (limits.minimumQuorum > limits.classSize) return { field: 'minimumQuorum', rule: 'at-most-class-size', message: 'minimumQuorum must not exceed classSize' };
  if (agreement.participantCeiling !== null && otherProgrammesCeiling + limits.participantCeiling > agreement.participantCeiling) {
    const left = Math.max(0, agreement.participantCeiling - otherProgrammesCeiling);
    return {
      field: 'participantCeiling',
      rule: 'agreement-ceiling',
      message: `the PKS allows ${agreement.participantCeiling} participants and ${left} are left for this programme`,
    };
  }
  return null;
}

/** An amendment may only raise targets, and never past the agreement's ceiling. */
export function amendmentProblem(
  current: { targetParticipants: number; participantCeiling: number },
  next: { targetParticipants: number; participantCeiling: number },
): FieldError | null {
  if (next.targetParticipants < current.targetParticipants) return { field: 'targetParticipants', rule: 'only-raised', message: 'targetParticipants can only be raised' };
  if (next.participantCeiling < current.participantCeiling) return { field: 'participantCeiling', rule: 'only-raised', message: 'participantCeiling can only be raised' };
  return null;
}
