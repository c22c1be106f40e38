import type {
  AssignmentPage,
  AssignmentView,
  AssignmentWithdrawalView,
  FindAssignmentsParams,
  FindInstructorsParams,
  InstructorDetailView,
  InstructorPage,
  InstructorUnavailabilityRequest,
  PublishTrainingModuleRequest,
  RegisterInstructorRequest,
  TrainingModulePage,
  TrainingModuleView,
  UpdateInstructorRequest,
  WithdrawAssignmentRequest,
} from '../instructor-module';
import type { PageParams } from '../page';
import { serviceRoutes, ServiceRoutes } from './http-operation';

/** instructor-module's operations: what each takes and answers. */
export interface InstructorModuleOperations {
  'training-modules.create': { body: PublishTrainingModuleRequest; answer: TrainingModuleView };
  'training-modules.list': { query: PageParams; answer: TrainingModulePage };
  'training-modules.get': { answer: TrainingModuleView };
  'instructors.create': { body: RegisterInstructorRequest; answer: InstructorDetailView };
  'instructors.update': { body: UpdateInstructorRequest; answer: InstructorDetailView };
  'instructors.list': { query: FindInstructorsParams; answer: InstructorPage };
  'instructors.get': { answer: InstructorDetailView };
  'instructors.add-unavailability': { body: InstructorUnavailabilityRequest; answer: InstructorDetailView };
  'assignments.list': { query: FindAssignmentsParams; answer: AssignmentPage };
  'assignments.get': { answer: AssignmentView };
  'assignments.withdraw': { body: WithdrawAssignmentRequest; answer: AssignmentWithdrawalView };
}

export const INSTRUCTOR_MODULE_ROUTES = serviceRoutes('instructor-module', {
  'training-modules.create': ['POST', '/training-modules'],
  'training-modules.list': ['GET', '/training-modules'],
  'training-modules.get': ['GET', '/training-modules/:code'],
  'instructors.create': ['POST', '/instructors'],
  'instructors.update': ['PUT', '/instructors/:id'],
  'instructors.list': ['GET', '/instructors'],
  'instructors.get': ['GET', '/instructors/:id'],
  'instructors.add-unavailability': ['POST', '/instructors/:id/unavailability'],
  'assignments.list': ['GET', '/assignments'],
  'assignments.get': ['GET', '/assignments/:id'],
  'assignments.withdraw': ['POST', '/assignments/:id/withdraw'],
} satisfies ServiceRoutes<InstructorModuleOperations>);
