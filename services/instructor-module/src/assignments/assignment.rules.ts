import { dayCount, rankInstructors } from '@sinergi/contracts';

/** The load-limit period of a class: the calendar month its first day falls in, as YYYY-MM. */
export function periodOf(startDate: string): string {
  return startDate.slice(0, 7);
}

/** The class to staff, as BatchPlanned describes it. */
export interface ClassToStaff {
  batchId: string;
  moduleCode: string;
  provinceCode: string;
  startDate: string;
  endDate: string;
  /** The instructor program's planner found free for the class: tried first, and taken only while still free. */
  proposedInstructorId?: string;
}

/** An active instructor competent in the class's module, with what decides whether they can take it. */
export interface Candidate {
  instructorId: string;
  homeProvinceCode: string;
  maxClassesPerPeriod: number;
  /** Active classes starting in the class's period. */
  load: number;
  /** Already teaching another class on one of the class's days. */
  busy: boolean;
  /** Marked unavailable on one of the class's days. */
  unavailable: boolean;
}

export function isFree(candidate: Candidate): boolean {
  return !candidate.busy && !candidate.unavailable && candidate.load < candidate.maxClassesPerPeriod;
}

/** Free candidates, best first by the instructor ranking program's planner proposes by too. */
export function rankCandidates(candidates: readonly Candidate[], provinceCode: string): Candidate[] {
  return rankInstructors(candidates.filter(isFree), provinceCode);
}

/** Why nobody can take the class; each candidate is counted under the first reason that applies to them. */
export function rejectionReason(klass: ClassToStaff, candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return `no active instructor is competent in module ${klass.moduleCode}`;
  const busy = candidates.filter((candidate) => candidate.busy).length;
  const unavailable = candidates.filter((candidate) => !candidate.busy && candidate.unavailable).length;
  const atLimit = candidates.length - busy - unavailable;
  const parts = [
    busy > 0 ? `${busy} teaching another class on those days` : '',
    unavailable > 0 ? `${unavailable} unavailable on some of those days` : '',
    atLimit > 0 ? `${atLimit} at their limit of classes for ${periodOf(klass.startDate)}` : '',
  ].filter(Boolean);
  const who = candidates.length === 1 ? 'the 1 active instructor' : `all ${candidates.length} active instructors`;
  return `${who} competent in module ${klass.moduleCode} cannot take ${klass.startDate}..${klass.endDate}: ${parts.join(', ')}`;
}

export const TEACHING_ANOTHER_CLASS = 'teaching another class on those days';

/**
 * Why the instructor of a class cannot follow it to new dates (empty when they can). `candidate` is the
 * instructor as the new dates see them, leaving out the class's own assignment; undefined when they are no
 * longer active or competent in the module.
 */
export function moveObstacles(klass: ClassToStaff, candidate: Candidate | undefined): string[] {
  if (dayCount({ from: klass.startDate, to: klass.endDate }) < 1) return [`the class ends (${klass.endDate}) before it starts (${klass.startDate})`];
  if (!candidate) return [`no longer active and competent in module ${klass.moduleCode}`];
  return [
    candidate.busy ? TEACHING_ANOTHER_CLASS : '',
    candidate.unavailable ? 'unavailable on some of those days' : '',
    candidate.load >= candidate.maxClassesPerPeriod
      ? `at their limit of ${candidate.maxClassesPerPeriod} classes for ${periodOf(klass.startDate)}`
      : '',
  ].filter(Boolean);
}

/** The InstructorWithdrawn reason when a class moves to dates its instructor cannot teach. */
export function rescheduleWithdrawalReason(klass: ClassToStaff, obstacles: readonly string[], rescheduleReason: string): string {
  return `class moved to ${klass.startDate}..${klass.endDate} (${rescheduleReason}); the instructor cannot teach it: ${obstacles.join(', ')}`;
}
