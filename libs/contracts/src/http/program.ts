import type { AgreementParty, AgreementSigned } from '../events/agreements';
import type { BATCH_FAILURE_STEPS, BatchCancellationReason, BatchPlanned, BatchStatus } from '../events/batches';
import type { ProgrammeLaunched } from '../events/programmes';
import type { Weekday } from '../calendar/teaching-days';
import type { InstructorProfile } from '../events/instructor-catalogue';
import type { VenueState } from '../events/venues';
import type { Page, PageParams } from './page';

/** program's HTTP API (port 3001): agreements, programmes, classes and its copies of the venue and instructor catalogues. Times are ISO 8601 strings. */

export type AgreementKind = 'MOU' | 'PKS';
export type AgreementStatus = 'signed' | 'ended';

/** POST /agreements: a PKS names the MoU it implements (`parentAgreementId`). */
export type SignAgreementRequest = Omit<AgreementSigned, 'agreementId'>;

/** POST /agreements/:id/amendments */
export interface AmendAgreementRequest {
  amendedOn: string;
  reason: string;
  validUntil?: string;
  participantCeiling?: number;
}

/** POST /agreements/:id/end */
export interface EndAgreementRequest {
  endedOn: string;
  reason: string;
}

export interface AgreementView {
  id: string;
  kind: AgreementKind;
  number: string;
  title: string;
  signedOn: string;
  validUntil: string | null;
  parentAgreementId: string | null;
  parties: AgreementParty[];
  participantCeiling: number | null;
  status: AgreementStatus;
  endedOn: string | null;
  createdAt: string;
}

/** POST /programmes */
export interface LaunchProgrammeRequest extends Omit<ProgrammeLaunched, 'programmeId' | 'classSize' | 'reservesPerClass'> {
  /** Default 16. */
  classSize?: number;
  /** Default 2. */
  reservesPerClass?: number;
  /** Default monday to friday. */
  teachingWeekdays?: Weekday[];
}

/** POST /programmes/:id/amendments */
export interface AmendProgrammeRequest {
  targetParticipants?: number;
  participantCeiling?: number;
  reason: string;
}

/** A programme as launched (and amended since). */
export interface ProgrammeView extends Omit<ProgrammeLaunched, 'programmeId' | 'teachingWeekdays'> {
  id: string;
  teachingWeekdays: Weekday[];
  createdAt: string;
}

/** Why a class could not be planned: the `rule` of a 409, and of each unplaced group in a bulk plan. */
export const PLANNING_RULES = [
  'participant-ceiling',
  'start-in-past',
  'outside-programme-period',
  'not-a-teaching-day',
  'venue-unknown',
  'venue-closed',
  'no-room-large-enough',
  'no-capacity',
  'no-instructor',
] as const;
export type PlanningRule = (typeof PLANNING_RULES)[number];

/** The saga step a failed class failed at. */
export type BatchFailedStep = (typeof BATCH_FAILURE_STEPS)[number];

/** POST /programmes/:programmeId/batches */
export interface PlanBatchRequest {
  venueCode: string;
  startDate: string;
}

/** POST /programmes/:programmeId/batches/bulk */
export interface BulkPlanBatchesRequest {
  count: number;
  from: string;
  to: string;
  /** In order of preference; classes are dealt to them in turn. */
  provinceCodes: string[];
}

/** POST /batches/:batchId/cancel */
export interface CancelBatchRequest {
  detail: string;
}

/** POST /batches/:batchId/reschedule */
export interface RescheduleBatchRequest {
  startDate: string;
  reason?: string;
}

/** GET /programmes/:programmeId/batches: ordered by startDate, id. */
export interface ListBatchesParams extends PageParams {
  status?: BatchStatus;
}

/** What GET /programmes/:programmeId/batches answers. */
export type BatchPage = Page<BatchListItemView>;

/** Classes that could not be placed, and why. */
export interface UnplacedClasses {
  rule: PlanningRule;
  count: number;
  reason: string;
}

/** What POST /programmes/:programmeId/batches/bulk answers. */
export interface BulkPlanView {
  planned: number;
  batchIds: string[];
  unplaced: number;
  reasons: UnplacedClasses[];
}

/** Enrollment's latest fill of a class, as of its event time `at`. */
export interface BatchFillView {
  selected: number;
  confirmed: number;
  reserved: number;
  quorumMet: boolean;
  at: string;
}

/** A class as lists show it: enrollment's fill as one object, null until the first BatchFillChanged. */
export interface BatchListItemView extends Omit<BatchPlanned, 'batchId' | 'classDates' | 'proposedInstructorId'> {
  id: string;
  /** The instructor the bulk planner found free for the class; `instructorId` is who instructor-module assigned. */
  proposedInstructorId: string | null;
  /** The teaching days the class is held on. */
  classDates: string[];
  status: BatchStatus;
  reservationId: string | null;
  roomCode: string | null;
  assignmentId: string | null;
  instructorId: string | null;
  failedStep: BatchFailedStep | null;
  failureReason: string | null;
  cancellationReason: BatchCancellationReason | null;
  cancellationDetail: string | null;
  quorumCheckedOn: string | null;
  createdAt: string;
  updatedAt: string;
  fill: BatchFillView | null;
}

/** One line of a class's history: what happened, what it changed, and what was published. */
export interface BatchTransitionView {
  id: string;
  batchId: string;
  trigger: string;
  fromStatus: BatchStatus | null;
  toStatus: BatchStatus;
  eventType: string | null;
  /** False when the input did not fit the class's state and changed nothing. */
  applied: boolean;
  note: string;
  at: string;
}

/** GET /batches/:batchId, and what its commands answer. */
export interface BatchView extends BatchListItemView {
  history: BatchTransitionView[];
}

/** GET /programmes/:programmeId/batch-summary */
export interface BatchSummaryView {
  programmeId: string;
  counts: Record<BatchStatus, number>;
  liveSeats: number;
  participantCeiling: number;
  /** Participants enrollment reports as confirmed in classes that are neither failed nor cancelled. */
  confirmedParticipants: number;
}

/** GET /venue-directory: ordered by venueCode. */
export interface VenueDirectoryParams extends PageParams {
  provinceCode?: string;
}

/** program's own copy of a venue, as of venue-capacity's last event about it. */
export interface DirectoryVenueView extends VenueState {
  updatedAt: string;
}

/** What GET /venue-directory answers. */
export type DirectoryVenuePage = Page<DirectoryVenueView>;

/** GET /instructor-directory: ordered by instructorId. */
export interface InstructorDirectoryParams extends PageParams {
  moduleCode?: string;
}

/** program's own copy of an instructor's public profile, as of instructor-module's last catalogue event about them. */
export interface DirectoryInstructorView extends InstructorProfile {
  updatedAt: string;
}

/** What GET /instructor-directory answers. */
export type DirectoryInstructorPage = Page<DirectoryInstructorView>;

/** What GET /agreements answers: ordered by signedOn, id. */
export type AgreementPage = Page<AgreementView>;

/** What GET /programmes answers: ordered by periodStart, id. */
export type ProgrammePage = Page<ProgrammeView>;
