import type { TrainingModulePublished } from '../events/instructor-catalogue';
import type { Page, PageParams } from './page';

/** instructor-module's HTTP API (port 3004): training modules, instructors and their assignments. Times are ISO 8601 strings. */

/** POST /training-modules: creates version 1, or publishes the next version when the content changed. */
export type PublishTrainingModuleRequest = Omit<TrainingModulePublished, 'version'>;

export interface TrainingModuleView extends TrainingModulePublished {
  updatedAt: string;
}

/** PUT /instructors/:id: the fields an admin may change; externalRef is fixed at registration. */
export interface UpdateInstructorRequest {
  fullName: string;
  email?: string;
  phone?: string;
  homeProvinceCode: string;
  /** Training module codes the instructor may teach. */
  competencies: string[];
  /** Classes at most per period (the calendar month a class starts in). */
  maxClassesPerPeriod: number;
  active: boolean;
}

/** POST /instructors */
export interface RegisterInstructorRequest extends UpdateInstructorRequest {
  /** KemenUMKM's own id for the instructor. */
  externalRef: string;
}

/** POST /instructors/:id/unavailability: days the instructor cannot teach, both included. */
export interface InstructorUnavailabilityRequest {
  from: string;
  to: string;
}

/** GET /instructors: ordered by externalRef, id. */
export interface FindInstructorsParams extends PageParams {
  moduleCode?: string;
  provinceCode?: string;
}

/** An instructor as GET /instructors lists them: email and phone masked. */
export interface InstructorView {
  id: string;
  externalRef: string;
  fullName: string;
  email: string | null;
  /** E.164, e.g. +6281234567890. */
  phone: string | null;
  homeProvinceCode: string;
  competencies: string[];
  maxClassesPerPeriod: number;
  active: boolean;
}

/** One instructor (GET /instructors/:id and what writes answer): contact details in full, and the days they cannot teach. */
export interface InstructorDetailView extends InstructorView {
  unavailableDays: string[];
}

/** active: the instructor teaches the class; released: the class was cancelled or failed; withdrawn: the instructor pulled out. */
export type AssignmentStatus = 'active' | 'released' | 'withdrawn';

/** GET /assignments: one batch's or one instructor's, ordered by startDate, id. */
export interface FindAssignmentsParams extends PageParams {
  batchId?: string;
  instructorId?: string;
}

/** POST /assignments/:id/withdraw */
export interface WithdrawAssignmentRequest {
  reason: string;
}

/** One instructor teaching one class on every day from startDate to endDate. */
export interface AssignmentView {
  id: string;
  batchId: string;
  instructorId: string;
  moduleCode: string;
  provinceCode: string;
  startDate: string;
  endDate: string;
  /** The calendar month the class starts in (YYYY-MM), for the instructor's load limit. */
  period: string;
  status: AssignmentStatus;
  replacesInstructorId: string | null;
  /** Why the assignment was released or withdrawn. */
  endReason: string | null;
  assignedAt: string;
  endedAt: string | null;
}

/** What POST /assignments/:id/withdraw answers: the withdrawn assignment, and who took the class over, if anyone could. */
export interface AssignmentWithdrawalView {
  withdrawn: AssignmentView;
  replacement: AssignmentView | null;
}

/** What GET /instructors answers. */
export type InstructorPage = Page<InstructorView>;

/** What GET /assignments answers. */
export type AssignmentPage = Page<AssignmentView>;

/** What GET /training-modules answers: ordered by code. */
export type TrainingModulePage = Page<TrainingModuleView>;
