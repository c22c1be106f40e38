import type { BatchFillChanged } from '../../events/enrollments';
import type {
  CertificateVerificationView,
  ClassChangeOfferView,
  ClassRegisterView,
  DrawEntry,
  DrawSelectionRequest,
  EnrollmentDocumentView,
  EnrollmentView,
  MoveEnrollmentRequest,
  ParticipantLookupRequest,
  ParticipantLookupView,
  ParticipantView,
  PdfDocument,
  ProgrammeFillView,
  RecordAttendanceRequest,
  RegisterParticipantRequest,
  SelectionEntriesParams,
  SelectionView,
  SubmitEnrollmentRequest,
  WithdrawEnrollmentRequest,
} from '../enrollment';
import type { Page, PageParams } from '../page';
import { serviceRoutes, ServiceRoutes } from './http-operation';

/** enrollment's operations: what each takes and answers. */
export interface EnrollmentOperations {
  'participants.register': { body: RegisterParticipantRequest; answer: ParticipantView };
  'participants.lookup': { body: ParticipantLookupRequest; answer: ParticipantLookupView };
  'participants.get': { answer: ParticipantView };
  'participants.enrollments': { query: PageParams; answer: Page<EnrollmentView> };
  'enrollments.create': { body: SubmitEnrollmentRequest; answer: EnrollmentView };
  'enrollments.get': { answer: EnrollmentView };
  'enrollments.confirm': { answer: EnrollmentView };
  'enrollments.withdraw': { body: WithdrawEnrollmentRequest; answer: EnrollmentView };
  'enrollments.move': { body: MoveEnrollmentRequest; answer: EnrollmentView };
  'enrollments.release': { answer: EnrollmentView };
  'enrollments.offer': { answer: ClassChangeOfferView };
  'batches.fill': { answer: BatchFillChanged };
  'programmes.fill': { answer: ProgrammeFillView };
  'attendance.record': { body: RecordAttendanceRequest; answer: ClassRegisterView };
  'attendance.get': { answer: ClassRegisterView };
  'selection.draw': { body: DrawSelectionRequest; answer: SelectionView };
  'selection.get': { answer: SelectionView };
  'selection.entries': { query: SelectionEntriesParams; answer: Page<DrawEntry> };
  'certificates.get': { answer: EnrollmentDocumentView };
  'certificates.pdf': { answer: PdfDocument };
  'letters.pdf': { answer: PdfDocument };
  'certificates.verify': { answer: CertificateVerificationView };
}

export const ENROLLMENT_ROUTES = serviceRoutes('enrollment', {
  'participants.register': ['POST', '/participants'],
  'participants.lookup': ['POST', '/participants/lookup'],
  'participants.get': ['GET', '/participants/:id'],
  'participants.enrollments': ['GET', '/participants/:participantId/enrollments'],
  'enrollments.create': ['POST', '/enrollments'],
  'enrollments.get': ['GET', '/enrollments/:id'],
  'enrollments.confirm': ['POST', '/enrollments/:id/confirm'],
  'enrollments.withdraw': ['POST', '/enrollments/:id/withdraw'],
  'enrollments.move': ['POST', '/enrollments/:id/move'],
  'enrollments.release': ['POST', '/enrollments/:id/release'],
  'enrollments.offer': ['GET', '/enrollments/:id/offer'],
  'batches.fill': ['GET', '/batches/:batchId/fill'],
  'programmes.fill': ['GET', '/programmes/:programmeId/fill'],
  'attendance.record': ['PUT', '/batches/:batchId/attendance/:day'],
  'attendance.get': ['GET', '/batches/:batchId/attendance'],
  'selection.draw': ['POST', '/programmes/:programmeId/selection'],
  'selection.get': ['GET', '/programmes/:programmeId/selection'],
  'selection.entries': ['GET', '/programmes/:programmeId/selection/entries'],
  'certificates.get': ['GET', '/enrollments/:id/certificate'],
  'certificates.pdf': ['GET', '/enrollments/:id/certificate.pdf'],
  'letters.pdf': ['GET', '/enrollments/:id/letter.pdf'],
  'certificates.verify': ['GET', '/certificates/verify/:code'],
} satisfies ServiceRoutes<EnrollmentOperations>);
