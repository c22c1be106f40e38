import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_TABLE, OperationId, Principal, reachOf } from '@sinergi/contracts';
import { Forbidden } from '../errors';
import { Caller } from './caller';

const OPERATION_METADATA = 'sinergi:operation';

/** Names a route's operation in the access table; the access guard refuses routes without one. */
export const Operation = (operation: OperationId) => SetMetadata(OPERATION_METADATA, operation);

export function operationOf(reflector: Reflector, target: (...args: never[]) => unknown): OperationId | undefined {
  return reflector.get<OperationId | undefined>(OPERATION_METADATA, target);
}

/** How a service learns whom a request speaks for from its Authorization header (throws Unauthenticated). */
export interface PrincipalResolver {
  principalOf(authorization: string | undefined): Promise<Principal>;
}
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');

/**
 * What the access guard leaves on a request: the route's operation and the principal its token names, also when it
 * refuses the request (so that a refusal can be recorded), and the caller when it lets the request through.
 */
export type GuardedRequest = Request & { operation?: OperationId; principal?: Principal; caller?: Caller };

/** The request's caller, as the access guard established it. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<GuardedRequest>().caller ?? Caller.anonymous();
});

/**
 * Applies the access table to every HTTP route: the route's operation, the principal of its token,
 * the reach of the principal's roles. Fails closed: no operation or no allowed role is 403, no valid
 * token is 401. Event handlers (Kafka) are not HTTP and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const operation = this.reflector.getAllAndOverride<OperationId | undefined>(OPERATION_METADATA, [context.getHandler(), context.getClass()]);
    if (!operation) throw new Forbidden({ field: 'path', rule: 'operation-declared', message: 'this route names no operation of the access table' });
    request.operation = operation;
    if (ACCESS_TABLE[operation] === 'public') {
      request.caller = Caller.anonymous();
      return true;
    }
    const principal = await this.principals.principalOf(request.headers.authorization);
    request.principal = principal;
    const reach = reachOf(operation, principal);
    if (!reach || reach === 'public') {
      throw new Forbidden({ field: 'role', rule: 'allowed-role', message: `${operation} is not open to ${principal.roles.join(', ') || 'a principal without roles'}` });
    }
    request.caller = new Caller(principal, reach);
    return true;
  }
}
