import type { PageParams } from '../page';
import type {
  AgreementPage,
  AgreementView,
  AmendAgreementRequest,
  AmendProgrammeRequest,
  BatchListItemView,
  BatchPage,
  BatchSummaryView,
  BatchView,
  BulkPlanBatchesRequest,
  BulkPlanView,
  CancelBatchRequest,
  DirectoryInstructorPage,
  DirectoryVenuePage,
  EndAgreementRequest,
  InstructorDirectoryParams,
  LaunchProgrammeRequest,
  ListBatchesParams,
  PlanBatchRequest,
  ProgrammePage,
  ProgrammeView,
  RescheduleBatchRequest,
  SignAgreementRequest,
  VenueDirectoryParams,
} from '../program';
import { serviceRoutes, ServiceRoutes } from './http-operation';

/** program's operations: what each takes and answers. */
export interface ProgramOperations {
  'agreements.create': { body: SignAgreementRequest; answer: AgreementView };
  'agreements.amend': { body: AmendAgreementRequest; answer: AgreementView };
  'agreements.end': { body: EndAgreementRequest; answer: AgreementView };
  'agreements.list': { query: PageParams; answer: AgreementPage };
  'agreements.get': { answer: AgreementView };
  'venue-directory.list': { query: VenueDirectoryParams; answer: DirectoryVenuePage };
  'instructor-directory.list': { query: InstructorDirectoryParams; answer: DirectoryInstructorPage };
  'programmes.create': { body: LaunchProgrammeRequest; answer: ProgrammeView };
  'programmes.amend': { body: AmendProgrammeRequest; answer: ProgrammeView };
  'programmes.list': { query: PageParams; answer: ProgrammePage };
  'programmes.get': { answer: ProgrammeView };
  'batches.plan': { body: PlanBatchRequest; answer: BatchListItemView };
  'batches.plan-bulk': { body: BulkPlanBatchesRequest; answer: BulkPlanView };
  'batches.list': { query: ListBatchesParams; answer: BatchPage };
  'batches.summary': { answer: BatchSummaryView };
  'batches.get': { answer: BatchView };
  'batches.cancel': { body: CancelBatchRequest; answer: BatchView };
  'batches.reschedule': { body: RescheduleBatchRequest; answer: BatchView };
  'batches.close': { answer: BatchView };
}

export const PROGRAM_ROUTES = serviceRoutes('program', {
  'agreements.create': ['POST', '/agreements'],
  'agreements.amend': ['POST', '/agreements/:id/amendments'],
  'agreements.end': ['POST', '/agreements/:id/end'],
  'agreements.list': ['GET', '/agreements'],
  'agreements.get': ['GET', '/agreements/:id'],
  'venue-directory.list': ['GET', '/venue-directory'],
  'instructor-directory.list': ['GET', '/instructor-directory'],
  'programmes.create': ['POST', '/programmes'],
  'programmes.amend': ['POST', '/programmes/:id/amendments'],
  'programmes.list': ['GET', '/programmes'],
  'programmes.get': ['GET', '/programmes/:id'],
  'batches.plan': ['POST', '/programmes/:programmeId/batches'],
  'batches.plan-bulk': ['POST', '/programmes/:programmeId/batches/bulk'],
  'batches.list': ['GET', '/programmes/:programmeId/batches'],
  'batches.summary': ['GET', '/programmes/:programmeId/batch-summary'],
  'batches.get': ['GET', '/batches/:batchId'],
  'batches.cancel': ['POST', '/batches/:batchId/cancel'],
  'batches.reschedule': ['POST', '/batches/:batchId/reschedule'],
  'batches.close': ['POST', '/batches/:batchId/close'],
} satisfies ServiceRoutes<ProgramOperations>);
