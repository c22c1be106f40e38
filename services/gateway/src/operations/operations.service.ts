import { BadGatewayException, Injectable } from '@nestjs/common';
import { DeadLetterSummary, FindDeadLettersParams, OutboxBacklog, Page, Principal, ServiceName, ServiceWithApi } from '@sinergi/contracts';
import { pageLimit, ServiceOperations } from '@sinergi/platform';
import { ServiceAnswer } from '../clients/service-client';
import { ServiceClients } from '../clients/service-clients';
import { mergedKeyOf, mergePages, OPERATED_SERVICES, serviceCursorAfter } from './dead-letter-paging';

/**
 * The gateway's own principal for the services' Operations routes: no roles, a reserved `gateway:` subject, which the
 * gateway never mints for a user (isGatewaySubject). The user's own right is checked by the gateway's route.
 */
export const OPERATIONS_PRINCIPAL: Principal = { subject: 'gateway:operations', roles: [], venueCodes: [] };

/** The outbox and dead letters of every service: asked of each (their own databases), the gateway's read directly. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly clients: ServiceClients,
    private readonly gateway: ServiceOperations,
  ) {}

  outbox(): Promise<OutboxBacklog[]> {
    return Promise.all(
      OPERATED_SERVICES.map(async (service) => ({
        service,
        ...(service === 'gateway'
          ? await this.gateway.outbox()
          : answered(
              service,
              await this.clients.requestServiceOperation(service, 'service-operations.outbox', { principal: OPERATIONS_PRINCIPAL }),
            )),
      })),
    );
  }

  /** Newest first across the services, by (failedAt, service, id). */
  async deadLetters(params: FindDeadLettersParams): Promise<Page<DeadLetterSummary>> {
    const limit = pageLimit(params);
    const after = params.cursor ? mergedKeyOf(params.cursor) : undefined;
    const services = params.service ? [params.service] : OPERATED_SERVICES;
    const pages = await Promise.all(
      services.map(async (service) => {
        const query = { topic: params.topic, limit, cursor: after ? serviceCursorAfter(service, after) : undefined };
        if (service === 'gateway') return this.gateway.deadLetters(query);
        return answered(
          service,
          await this.clients.requestServiceOperation(service, 'service-operations.dead-letters', {
            principal: OPERATIONS_PRINCIPAL,
            query,
          }),
        );
      }),
    );
    return mergePages(pages, limit);
  }

  /** One service's dead letter (`service` is not the gateway: its own are read by ServiceOperations). */
  deadLetter(service: ServiceWithApi, id: string): Promise<ServiceAnswer> {
    return this.clients.requestServiceOperation(service, 'service-operations.dead-letter', {
      principal: OPERATIONS_PRINCIPAL,
      params: { id },
    });
  }

  redrive(service: ServiceWithApi, id: string): Promise<ServiceAnswer> {
    return this.clients.requestServiceOperation(service, 'service-operations.redrive', { principal: OPERATIONS_PRINCIPAL, params: { id } });
  }
}

/** What a service answered to a list, or 502 naming it: a page that leaves a service out would mislead. */
function answered<T>(service: ServiceName, answer: ServiceAnswer<T>): T {
  if (answer.status === 200) return answer.body;
  throw new BadGatewayException({
    message: `${service} answered ${answer.status} to the Operations page`,
    errors: [{ field: 'service', rule: 'answered', message: `${service} answered ${answer.status}` }],
  });
}
