import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@sinergi/contracts';
import type { GuardedRequest } from '@sinergi/platform';
import { ServiceAnswer } from '../clients/service-client';
import { ServiceClients } from '../clients/service-clients';
import { IDEMPOTENCY_HEADER, IdempotencyStore } from '../idempotency/idempotency.store';
import { ApiRoute } from './api-routes';

/** The principal the access guard established for this request (none on a public operation). */
export function principalOfRequest(request: GuardedRequest): Principal | null {
  return request.caller?.principal ?? null;
}

/** Writes a service's answer (success or problem+json) to the gateway's caller with its status. */
export function sendAnswer(response: Response, answer: ServiceAnswer): void {
  response.status(answer.status).type(answer.contentType);
  if (answer.contentDisposition) response.setHeader('content-disposition', answer.contentDisposition);
  if (typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) response.send(answer.body);
  else response.send(JSON.stringify(answer.body));
}

/** Forwards a public API request to its service: same path and query, the caller's principal, the body unchanged. */
@Injectable()
export class Forwarder {
  constructor(
    private readonly clients: ServiceClients,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async forward(route: ApiRoute, request: GuardedRequest, response: Response): Promise<void> {
    const principal = principalOfRequest(request);
    const queryAt = request.originalUrl.indexOf('?');
    const call = () =>
      this.clients.forward(route.operation, {
        principal,
        params: request.params as Record<string, string>,
        search: queryAt < 0 ? '' : request.originalUrl.slice(queryAt),
        body: request.body,
        idempotencyKey: request.header(IDEMPOTENCY_HEADER),
      });
    const answer = route.creates ? await this.idempotency.once(request, principal, call) : await call();
    sendAnswer(response, answer);
  }
}
