import type { Language } from '../events/contacts';
import type { EnrollmentChannel, EnrollmentProblem } from '../events/enrollments';
import type { ClassChangeReason, ClassOption } from '../events/participant-outcomes';
import type { BusinessScale } from '../events/programmes';
import type { SelectionDrawn } from '../events/selection';
import type { PageParams } from './page';

/**
 * enrollment's HTTP API (port 3002): participants, enrollments, the draw, class moves, attendance and certificates.
 * Times are ISO 8601 strings. GET /batches/:batchId/fill answers `BatchFillChanged`, the event's own payload.
 */

export type Gender = 'F' | 'M';

/** pending: the civil registry (Dukcapil) has not answered yet; verified: it matched; no-match: it did not. */
export type IdentityStatus = 'pending' | 'verified' | 'no-match';

/**
 * pending-identity: waits for the civil registry (Dukcapil) to confirm the participant's NIK; registered: accepted into
 * the pool of a lottery or ranked programme, waiting for the draw; rejected: identity not matched or ineligible; selected: holds a seat; reserved: on the reserve list; not-selected: no place left; confirmed: seat
 * confirmed; expired: the seat was not confirmed by the confirm-by day; withdrawn: the participant withdrew;
 * awaiting-move: the class was cancelled and the participant has not yet answered the offer to move (no seat held);
 * released: the class was cancelled or rescheduled and the participant left it without moving.
 */
export type EnrollmentStatus =
  | 'pending-identity'
  | 'registered'
  | 'rejected'
  | 'selected'
  | 'reserved'
  | 'not-selected'
  | 'confirmed'
  | 'expired'
  | 'withdrawn'
  | 'awaiting-move'
  | 'released';

/** certificate: the class completed (attendance at or above the rule); letter: a participation letter (surat keterangan mengikuti). */
export type EnrollmentDocumentKind = 'certificate' | 'letter';

export interface ParticipantBusiness {
  /** Nomor Induk Berusaha, 13 digits. */
  nib?: string;
  scale: BusinessScale;
  sector: string;
}

/** POST /participants */
export interface RegisterParticipantRequest {
  nik: string;
  fullName: string;
  /** YYYY-MM-DD, in the past. */
  birthDate: string;
  gender: Gender;
  phone: string;
  email?: string;
  provinceCode: string;
  language?: Language;
  business: ParticipantBusiness;
}

/** A participant as the API shows them: the NIK only masked. */
export interface ParticipantView {
  id: string;
  maskedNik: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  email: string | null;
  provinceCode: string;
  business: { nib: string | null; scale: BusinessScale; sector: string };
  language: Language;
  /** Whether the civil registry has confirmed the NIK: enrollments wait while it is pending. */
  identityStatus: IdentityStatus;
  registeredAt: string;
}

/** POST /enrollments, with an `Idempotency-Key` header: a repeat of the key gets the first answer. */
export interface SubmitEnrollmentRequest {
  participantId: string;
  programmeId: string;
  /** A class of the programme; without it the participant's province class with the most free seats is taken. */
  batchId?: string;
}

/** POST /enrollments/:id/withdraw */
export interface WithdrawEnrollmentRequest {
  /** 1-500 characters; it goes into EnrollmentWithdrawn. */
  reason: string;
}

/** GET /enrollments/:id/offer: the enrollment's open offer to move, made when its class was cancelled or rescheduled. */
export interface ClassChangeOfferView {
  enrollmentId: string;
  fromBatchId: string;
  reason: ClassChangeReason;
  /** The classes it may move to, earliest first. */
  options: ClassOption[];
  /** The last day (WIB) to answer. */
  respondBy: string;
  offeredAt: string;
}

/** POST /enrollments/:id/move: one of the classes the class-change offer listed. */
export interface MoveEnrollmentRequest {
  batchId: string;
}

export interface EnrollmentView {
  id: string;
  participantId: string;
  programmeId: string;
  batchId: string | null;
  status: EnrollmentStatus;
  channel: EnrollmentChannel;
  reasons: EnrollmentProblem[];
  reserveRank: number | null;
  notSelectedReason: string | null;
  confirmBy: string | null;
  submittedAt: string;
  confirmedAt: string | null;
  withdrawalReason: string | null;
  endedAt: string | null;
}

/** GET /programmes/:programmeId/fill: its live classes added up, against its target, with its enrollments by status. */
export interface ProgrammeFillView {
  programmeId: string;
  targetParticipants: number;
  participantCeiling: number;
  /** Confirmed, running, completed or closed classes; cancelled ones hold nobody. */
  classes: number;
  classesUnderQuorum: number;
  seats: number;
  selected: number;
  confirmed: number;
  reserved: number;
  /** Confirmed seats over the target, 0-1 (may pass 1 up to the ceiling). */
  targetFillRate: number;
  enrollmentsByStatus: Record<string, number>;
}

/** POST /programmes/:programmeId/selection */
export interface DrawSelectionRequest {
  /** Any text; when absent, 128 random bits in hex are drawn and recorded. */
  seed?: string;
}

export const DRAW_OUTCOMES = ['selected', 'reserved', 'not-selected'] as const;
export type DrawOutcome = (typeof DRAW_OUTCOMES)[number];

/** One enrollment of the pool, at its place in the draw, with what it got. */
export interface DrawEntry {
  position: number;
  enrollmentId: string;
  participantId: string;
  /** lottery: the SHA-256 sort key; ranked: null. */
  lotteryKey: string | null;
  score: number | null;
  businessScale: BusinessScale;
  submittedAt: string;
  outcome: DrawOutcome;
  batchId: string | null;
  reserveRank: number | null;
}

/** The draw's summary: its seed and pool digest, with how many entries got each outcome; the entries page apart. */
export interface SelectionView extends SelectionDrawn {
  outcomes: Record<DrawOutcome, number>;
}

/**
 * GET /programmes/:programmeId/selection/entries: the pool in draw order (by position), each with its sort key and
 * outcome, optionally only one outcome. With the summary's seed, all an auditor needs to re-run the draw.
 */
export interface SelectionEntriesParams extends PageParams {
  outcome?: DrawOutcome;
}

export interface AttendanceEntry {
  enrollmentId: string;
  present: boolean;
}

/** PUT /batches/:batchId/attendance/:day (YYYY-MM-DD, a class day) */
export interface RecordAttendanceRequest {
  /** At most 200 (a class has at most 200 seats). */
  records: AttendanceEntry[];
}

export interface RegisterLine {
  enrollmentId: string;
  participantId: string;
  /** Masked for a masked reach (viewer); never the NIK. */
  fullName: string;
  status: EnrollmentStatus;
  /** Each recorded day: true present, false absent; a day not recorded is missing. */
  days: Record<string, boolean>;
  attendedDays: number;
}

/** The class register, kept by the venue operator day by day. */
export interface ClassRegisterView {
  batchId: string;
  startDate: string;
  endDate: string;
  classDays: string[];
  participants: RegisterLine[];
}

/** GET /enrollments/:id/certificate: the enrollment's one completion document. */
export interface EnrollmentDocumentView {
  enrollmentId: string;
  kind: EnrollmentDocumentKind;
  number: string;
  verificationCode: string | null;
  verificationUrl: string | null;
  batchId: string;
  attendedDays: number;
  classDays: number;
  issuedAt: string;
}

/** The media type of the printable documents: GET /enrollments/:id/certificate.pdf and letter.pdf. */
export const PDF_CONTENT_TYPE = 'application/pdf';

/**
 * A printable document, answered as its bytes (`application/pdf`), never as JSON.
 * @format binary
 */
export type PdfDocument = string;

/** GET /certificates/verify/:code (public): what is printed on the certificate, nothing more. */
export interface CertificateVerificationView {
  valid: true;
  /** A certificate, or a participation letter (verifiable too since letters carry a code). */
  kind: EnrollmentDocumentKind;
  /** The document's number, a letter's included. */
  certificateNumber: string;
  holderName: string;
  programme: string;
  classStartDate: string;
  classEndDate: string;
  issuedAt: string;
}

/** POST /participants/lookup (only the gateway's sign-in): a registered phone (any local or international form) or e-mail. */
export interface ParticipantLookupRequest {
  identifier: string;
}

export interface ParticipantLookupView {
  participantId: string;
}
