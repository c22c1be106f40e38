import type { OperationId } from '../../access';
import { ENROLLMENT_ROUTES, EnrollmentOperations } from './enrollment.operations';
import { HttpRoute, OperationTypes, PathParams } from './http-operation';
import { INSTRUCTOR_MODULE_ROUTES, InstructorModuleOperations } from './instructor-module.operations';
import { NOTIFICATION_ROUTES, NotificationOperations } from './notification.operations';
import { PROGRAM_ROUTES, ProgramOperations } from './program.operations';
import { VENUE_CAPACITY_ROUTES, VenueCapacityOperations } from './venue-capacity.operations';

export * from './http-operation';
export * from './gateway.operations';

/** Every operation the services serve over HTTP (their platform routes aside: health, schemas, AsyncAPI, and the Operations routes of SERVICE_OPERATIONS_ROUTES), by operation id. */
export type HttpOperations = ProgramOperations & EnrollmentOperations & VenueCapacityOperations & InstructorModuleOperations & NotificationOperations;
export type HttpOperationId = keyof HttpOperations & OperationId;

/** Where each operation is served: the one source of its service, method and path. */
export const HTTP_ROUTES = { ...PROGRAM_ROUTES, ...ENROLLMENT_ROUTES, ...VENUE_CAPACITY_ROUTES, ...INSTRUCTOR_MODULE_ROUTES, ...NOTIFICATION_ROUTES } satisfies {
  [Op in HttpOperationId]: HttpRoute;
};
export const HTTP_OPERATION_IDS = Object.keys(HTTP_ROUTES) as HttpOperationId[];

type Types<Op extends HttpOperationId> = HttpOperations[Op] & OperationTypes;
export type BodyOf<Op extends HttpOperationId> = Types<Op> extends { body: infer Body } ? Body : undefined;
export type QueryOf<Op extends HttpOperationId> = Types<Op> extends { query: infer Query } ? Query : undefined;
export type AnswerOf<Op extends HttpOperationId> = Types<Op>['answer'];
export type ParamsOf<Op extends HttpOperationId> = PathParams<(typeof HTTP_ROUTES)[Op]['path']>;
export * from './http-schemas';
export * from './operations-console.operations';
