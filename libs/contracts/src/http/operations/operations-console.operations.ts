import type { DeadLetterDetail, DeadLetterRedriven, DeadLetterSummary, FindServiceDeadLettersParams, ServiceOutboxBacklog } from '../operations-console';
import type { Page } from '../page';
import { HttpMethod, ServiceRoutes } from './http-operation';

/**
 * What every service serves from libs/platform for the gateway's Operations page, about its own database (its
 * outbox and its dead letters), to the gateway's `gateway:operations` caller only.
 */
export interface ServiceOperationsOperations {
  'service-operations.outbox': { answer: ServiceOutboxBacklog };
  'service-operations.dead-letters': { query: FindServiceDeadLettersParams; answer: Page<DeadLetterSummary> };
  'service-operations.dead-letter': { answer: DeadLetterDetail };
  'service-operations.redrive': { answer: DeadLetterRedriven };
}
export type ServiceOperationId = keyof ServiceOperationsOperations;

/** Where every service serves them (the same path in each). */
export const SERVICE_OPERATIONS_ROUTES = {
  'service-operations.outbox': ['GET', '/operations/outbox'],
  'service-operations.dead-letters': ['GET', '/operations/dead-letters'],
  'service-operations.dead-letter': ['GET', '/operations/dead-letters/:id'],
  'service-operations.redrive': ['POST', '/operations/dead-letters/:id/redrive'],
} as const satisfies ServiceRoutes<ServiceOperationsOperations> & Record<ServiceOperationId, readonly [HttpMethod, string]>;
export const SERVICE_OPERATION_IDS = Object.keys(SERVICE_OPERATIONS_ROUTES) as ServiceOperationId[];
