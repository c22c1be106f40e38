import type { NextFunction, Response } from 'express';
import type { GuardedRequest } from '@sinergi/platform';
import { AuditLog } from './audit-log';
import { auditKindOf, recordOf } from './audited-operations';

/**
 * Records an audit entry once a request to an audited operation is answered: let through (success, refusal by the
 * route, failure) or refused by the access guard (401 without a valid token, 403 for a role the table does not admit)
 * alike. It is express middleware, not an interceptor, because interceptors run after guards and so never see their
 * refusals: the guard names the operation and the principal on the request, this reads them when the answer is done.
 * A request the guard never saw (no route, refused earlier by the rate limit) names no operation and is not recorded.
 */
export function auditRecorder(auditLog: AuditLog) {
  return (request: GuardedRequest, response: Response, next: NextFunction): void => {
    const occurredAt = new Date();
    // 'close' also comes when the client goes away mid-answer: personal data may have been sent all the same.
    response.once('close', () => {
      const operation = request.operation;
      const kind = operation && auditKindOf(operation, request.method);
      if (!operation || !kind) return;
      const principal = request.caller?.principal ?? request.principal;
      const record = recordOf(operation, request.params ?? {});
      const correlationId = response.getHeader('x-correlation-id');
      void auditLog.append({
        occurredAt,
        actorSubject: principal?.subject ?? null,
        actorRoles: [...(principal?.roles ?? [])],
        clientAddress: request.ip ?? null,
        operationId: operation,
        kind,
        recordType: record?.type ?? null,
        recordId: record?.id ?? null,
        outcome: response.statusCode,
        correlationId: typeof correlationId === 'string' ? correlationId : null,
      });
    });
    next();
  };
}
