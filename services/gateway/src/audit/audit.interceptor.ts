import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { Caller, operationOf } from '@sinergi/platform';
import { AuditLog } from './audit-log';
import { auditKindOf, recordOf } from './audited-operations';

/**
 * Records an audit entry once an audited route has answered (success, refusal or failure alike), from the
 * operation, the caller the access guard established, the route's parameters and the status sent.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const operation = operationOf(this.reflector, context.getHandler() as (...args: never[]) => unknown);
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const kind = operation && auditKindOf(operation, request.method);
    if (!operation || !kind) return next.handle();
    const occurredAt = new Date();
    const response = context.switchToHttp().getResponse<Response>();
    // 'close' also comes when the client goes away mid-answer: personal data may have been sent all the same.
    response.once('close', () => {
      const principal = request.caller?.principal;
      const record = recordOf(operation, request.params ?? {});
      const correlationId = response.getHeader('x-correlation-id');
      void this.auditLog.append({
        occurredAt,
        actorSubject: principal?.subject ?? null,
        actorRoles: [...(principal?.roles ?? [])],
        operationId: operation,
        kind,
        recordType: record?.type ?? null,
        recordId: record?.id ?? null,
        outcome: response.statusCode,
        correlationId: typeof correlationId === 'string' ? correlationId : null,
      });
    });
    return next.handle();
  }
}
