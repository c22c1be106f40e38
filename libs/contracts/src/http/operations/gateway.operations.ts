import type { AuditEntriesParams, AuditEntryView } from '../audit';
import type {
  ClassView,
  DashboardClassesParams,
  DeadLetterCount,
  InstructorLoad,
  InstructorLoadParams,
  NotificationOutcomes,
  ProgrammeOverview,
  ProvinceFigures,
  VenueDay,
  VenueUtilisationParams,
} from '../dashboards';
import type { ClassChangeOfferView, EnrollmentDocumentView, EnrollmentView, ParticipantView } from '../enrollment';
import type { ConsumerLag, DeadLetterDetail, DeadLetterRedriven, DeadLetterSummary, FindDeadLettersParams, OutboxBacklog } from '../operations-console';
import type { MyEnrollmentRequest, MyOfferAnswer, MyWithdrawalRequest } from '../me';
import type { Page, PageParams } from '../page';
import type { ServiceName } from '../../topics';

interface ProgrammeIdParams {
  /** @format uuid */
  id: string;
}

interface DeadLetterParams {
  /** The service whose database holds the dead letter. */
  service: ServiceName;
  /**
   * The dead letter, as the list names it.
   * @format uuid
   */
  id: string;
}

interface MyEnrollmentParams {
  /**
   * One of your enrollments.
   * @format uuid
   */
  id: string;
}

/**
 * The operations the gateway answers itself under /api/v1 (its read models, the audit log, the Operations page
 * merged from every service and the broker, participant self-service): what each takes (path parameters, query, body) and answers on success.
 */
export interface GatewayOperations {
  'dashboard.programme-overview': { params: ProgrammeIdParams; answer: ProgrammeOverview };
  'dashboard.programme-provinces': { params: ProgrammeIdParams; answer: ProvinceFigures[] };
  'dashboard.classes': { query: DashboardClassesParams; answer: Page<ClassView> };
  'dashboard.venue-utilisation': { params: { /** A venue code. */ code: string }; query: VenueUtilisationParams; answer: VenueDay[] };
  'dashboard.instructor-load': { query: InstructorLoadParams; answer: Page<InstructorLoad> };
  'dashboard.notifications': { answer: NotificationOutcomes[] };
  'dashboard.dead-letters': { answer: DeadLetterCount[] };
  'audit.list': { query: AuditEntriesParams; answer: Page<AuditEntryView> };
  'operations.consumer-lag': { answer: ConsumerLag[] };
  'operations.outbox': { answer: OutboxBacklog[] };
  'operations.dead-letters': { query: FindDeadLettersParams; answer: Page<DeadLetterSummary> };
  'operations.dead-letter': { params: DeadLetterParams; answer: DeadLetterDetail };
  'operations.redrive': { params: DeadLetterParams; answer: DeadLetterRedriven };
  'me.get': { answer: ParticipantView };
  'me.enroll': { body: MyEnrollmentRequest; answer: EnrollmentView };
  'me.enrollments': { query: PageParams; answer: Page<EnrollmentView> };
  'me.enrollment': { params: MyEnrollmentParams; answer: EnrollmentView };
  'me.confirm': { params: MyEnrollmentParams; answer: EnrollmentView };
  'me.withdraw': { params: MyEnrollmentParams; body: MyWithdrawalRequest; answer: EnrollmentView };
  'me.offer': { params: MyEnrollmentParams; answer: ClassChangeOfferView };
  'me.answer-offer': { params: MyEnrollmentParams; body: MyOfferAnswer; answer: EnrollmentView };
  'me.certificate': { params: MyEnrollmentParams; answer: EnrollmentDocumentView };
}

export type GatewayOperationId = keyof GatewayOperations;

/** The status each gateway operation answers on success. */
export const GATEWAY_SUCCESS_STATUS = {
  'dashboard.programme-overview': 200,
  'dashboard.programme-provinces': 200,
  'dashboard.classes': 200,
  'dashboard.venue-utilisation': 200,
  'dashboard.instructor-load': 200,
  'dashboard.notifications': 200,
  'dashboard.dead-letters': 200,
  'audit.list': 200,
  'operations.consumer-lag': 200,
  'operations.outbox': 200,
  'operations.dead-letters': 200,
  'operations.dead-letter': 200,
  'operations.redrive': 202,
  'me.get': 200,
  'me.enroll': 201,
  'me.enrollments': 200,
  'me.enrollment': 200,
  'me.confirm': 200,
  'me.withdraw': 200,
  'me.offer': 200,
  'me.answer-offer': 200,
  'me.certificate': 200,
} as const satisfies { [Op in GatewayOperationId]: 200 | 201 | 202 | 204 };

export const GATEWAY_OPERATION_IDS = Object.keys(GATEWAY_SUCCESS_STATUS) as GatewayOperationId[];
