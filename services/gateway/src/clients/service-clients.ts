import { Injectable } from '@nestjs/common';
import {
  AnswerOf,
  BodyOf,
  HTTP_ROUTES,
  HttpOperationId,
  HttpRoute,
  ParamsOf,
  PathParams,
  Principal,
  QueryOf,
  SERVICE_OPERATIONS_ROUTES,
  ServiceOperationId,
  ServiceOperationsOperations,
  ServiceWithApi,
} from '@sinergi/contracts';
import { GatewayConfig } from '../gateway.config';
import { InternalTokens } from './internal-tokens';
import { ServiceAnswer, ServiceClient } from './service-client';

/** program: agreements, programmes, classes and bulk planning. */
@Injectable()
export class ProgramClient extends ServiceClient {
  constructor(config: GatewayConfig, tokens: InternalTokens) {
    super('program', config.PROGRAM_URL, tokens, config.serviceCallTimeoutMs);
  }
}

/** enrollment: participants, enrollments, selection draws, attendance, certificates. */
@Injectable()
export class EnrollmentClient extends ServiceClient {
  constructor(config: GatewayConfig, tokens: InternalTokens) {
    super('enrollment', config.ENROLLMENT_URL, tokens, config.serviceCallTimeoutMs);
  }
}

/** venue-capacity: venues, rooms and closures, reservations, utilisation. */
@Injectable()
export class VenueCapacityClient extends ServiceClient {
  constructor(config: GatewayConfig, tokens: InternalTokens) {
    super('venue-capacity', config.VENUE_CAPACITY_URL, tokens, config.serviceCallTimeoutMs);
  }
}

/** instructor-module: training modules, instructors, assignments. */
@Injectable()
export class InstructorModuleClient extends ServiceClient {
  constructor(config: GatewayConfig, tokens: InternalTokens) {
    super('instructor-module', config.INSTRUCTOR_MODULE_URL, tokens, config.serviceCallTimeoutMs);
  }
}

/** notification: deliveries and recipients. */
@Injectable()
export class NotificationClient extends ServiceClient {
  constructor(config: GatewayConfig, tokens: InternalTokens) {
    super('notification', config.NOTIFICATION_URL, tokens, config.serviceCallTimeoutMs);
  }
}

export const SERVICE_CLIENTS = [ProgramClient, EnrollmentClient, VenueCapacityClient, InstructorModuleClient, NotificationClient];

/** A call of one operation as the map in libs/contracts types it: its path parameters, query and body. */
export type OperationRequest<Op extends HttpOperationId> = {
  /** The caller, or null for a public operation (no token is sent). */
  principal: Principal | null;
  /** The caller's Idempotency-Key, passed on: a service may keep its own (enrollment does). */
  idempotencyKey?: string;
} & (keyof ParamsOf<Op> extends never ? { params?: ParamsOf<Op> } : { params: ParamsOf<Op> }) &
  (QueryOf<Op> extends undefined ? { query?: undefined } : { query?: QueryOf<Op> }) &
  (BodyOf<Op> extends undefined ? { body?: undefined } : { body: BodyOf<Op> });

/** A request passed through as the gateway's caller sent it: the service checks it. */
export interface ForwardedRequest {
  principal: Principal | null;
  params: Record<string, string>;
  /** The query string, `?` included, or empty. */
  search: string;
  body: unknown;
  idempotencyKey?: string;
}

/** The client of each service, by name, and each service operation by its id. */
@Injectable()
export class ServiceClients {
  private readonly byName: Record<ServiceWithApi, ServiceClient>;

  constructor(program: ProgramClient, enrollment: EnrollmentClient, venues: VenueCapacityClient, instructors: InstructorModuleClient, notification: NotificationClient) {
    this.byName = { program, enrollment, 'venue-capacity': venues, 'instructor-module': instructors, notification };
  }

  /** Calls an operation of its service with typed input, answering its typed answer (or the service's problem, as it came). */
  request<Op extends HttpOperationId>(operation: Op, { principal, params, query, body, idempotencyKey }: OperationRequest<Op>): Promise<ServiceAnswer<AnswerOf<Op>>> {
    return this.send(operation, { principal, params: (params ?? {}) as Record<string, string>, search: searchOf(query ?? {}), body, idempotencyKey });
  }

  /** Calls one of the Operations routes every service serves (libs/platform), of the named service. */
  requestServiceOperation<Op extends ServiceOperationId>(
    service: ServiceWithApi,
    operation: Op,
    { principal, params, query }: { principal: Principal; params?: PathParams<(typeof SERVICE_OPERATIONS_ROUTES)[Op][1]>; query?: Record<string, string | number | undefined> },
  ): Promise<ServiceAnswer<ServiceOperationsOperations[Op]['answer']>> {
    const [method, template] = SERVICE_OPERATIONS_ROUTES[operation];
    const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent((params as Record<string, string> | undefined)?.[name] ?? ''));
    return this.byName[service].call({ principal, method, path: `${path}${searchOf(query)}`, body: method === 'GET' ? undefined : {} });
  }

  /** Forwards a public API request to its operation unchanged (untyped: the caller's input is the service's to check). */
  forward(operation: HttpOperationId, request: ForwardedRequest): Promise<ServiceAnswer> {
    return this.send(operation, request);
  }

  private send<T>(operation: HttpOperationId, { principal, params, search, body, idempotencyKey }: ForwardedRequest): Promise<ServiceAnswer<T>> {
    const route: HttpRoute = HTTP_ROUTES[operation];
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    return this.byName[route.service].call<T>({ principal, method: route.method, path: `${path}${search}`, body: route.method === 'GET' ? undefined : (body ?? {}), idempotencyKey });
  }
}

/** A query string (`?` included, or empty) of the defined values. */
function searchOf(query: object | undefined): string {
  const search = new URLSearchParams(Object.entries(query ?? {}).flatMap(([name, value]): Array<[string, string]> => (value === undefined ? [] : [[name, String(value)]]))).toString();
  return search ? `?${search}` : '';
}
