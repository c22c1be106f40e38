import type {
  ConsumerLag,
  DeadLetterDetail,
  DeadLetterRedriven,
  DeadLetterSummary,
  FindDeadLettersParams,
  FindServiceDeadLettersParams,
  OutboxBacklog,
  ServiceOutboxBacklog,
} from '../operations-console';
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

/** The gateway's Operations page API (under /api/v1/operations), merged from every service and the broker. */
export interface GatewayOperationsOperations {
  'operations.consumer-lag': { answer: ConsumerLag[] };
  'operations.outbox': { answer: OutboxBacklog[] };
  'operations.dead-letters': { query: FindDeadLettersParams; answer: Page<DeadLetterSummary> };
  'operations.dead-letter': { answer: DeadLetterDetail };
  'operations.redrive': { answer: DeadLetterRedriven };
}
export type GatewayOperationId = keyof GatewayOperationsOperations;
export const GATEWAY_OPERATION_IDS: GatewayOperationId[] = [
  'operations.consumer-lag',
  'operations.outbox',
  'operations.dead-letters',
  'operations.dead-letter',
  'operations.redrive',
];
