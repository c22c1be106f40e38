import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ACCESS_TABLE, OperationId, Principal, Problem, ROLES, Role } from '@sinergi/contracts';
import { operationOf } from '@sinergi/platform';
import { controllerHandlersOf } from './controller-handlers';
import { ServiceUnderTest } from './service-under-test';
import { testToken } from './test-tokens';

export interface GuardedRoute {
  method: string;
  /** With every path parameter filled with a well-formed UUID, e.g. `/agreements/00000000-.../end`. */
  path: string;
  /** The path as the controller declares it, e.g. `/agreements/:id/end`. */
  template: string;
  operation: OperationId | undefined;
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** Every route the running app serves, with the operation it names (undefined: none). */
export function routesOf(app: INestApplication): GuardedRoute[] {
  const reflector = app.get(Reflector);
  const routes: GuardedRoute[] = [];
  for (const { controller, handler } of controllerHandlersOf(app)) {
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) continue;
    const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)]
      .filter((part) => part && part !== '/')
      .join('/');
    routes.push({ method: RequestMethod[method], path: `/${path.replace(/:\w+/g, SAMPLE_ID)}`, template: `/${path}`, operation: operationOf(reflector, handler) });
  }
  return routes;
}

/** A principal holding only roles the operation does not admit; undefined when every role is admitted. */
function outsiderOf(operation: OperationId): Principal | undefined {
  const rule = ACCESS_TABLE[operation];
  if (rule === 'public') return undefined;
  const refused = ROLES.filter((role: Role) => !(role in rule));
  return refused.length > 0 ? { subject: 'outsider', roles: refused, venueCodes: [] } : undefined;
}

/**
 * Calls every route of a service without a token, with a token for another service, and with a
 * token whose roles the access table does not admit; returns what answered otherwise than 401/401/403
 * (an empty list when the service guards every route as the table says).
 */
export async function unguardedRoutesOf(service: ServiceUnderTest, serviceName: Parameters<typeof testToken>[0]): Promise<string[]> {
  const findings: string[] = [];
  const otherAudience = serviceName === 'program' ? 'notification' : 'program';
  for (const route of routesOf(service.app)) {
    const label = `${route.method} ${route.path}`;
    if (!route.operation || !(route.operation in ACCESS_TABLE)) {
      findings.push(`${label}: names no operation of the access table`);
      continue;
    }
    if (ACCESS_TABLE[route.operation] === 'public') continue;
    const call = async (authorization?: string) => {
      const response = await fetch(`${service.url}${route.path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: route.method === 'GET' ? undefined : '{}',
      });
      return { status: response.status, problem: (await response.json()) as Problem };
    };
    const anonymous = await call();
    if (anonymous.status !== 401) findings.push(`${label} without a token: ${anonymous.status}`);
    const misdirected = await call(`Bearer ${await testToken(otherAudience)}`);
    if (misdirected.status !== 401) findings.push(`${label} with a token for ${otherAudience}: ${misdirected.status}`);
    const outsider = outsiderOf(route.operation);
    if (outsider) {
      const refused = await call(`Bearer ${await testToken(serviceName, outsider)}`);
      if (refused.status !== 403 || refused.problem.errors?.[0]?.rule !== 'allowed-role') {
        findings.push(`${label} as ${outsider.roles.join('+')}: ${refused.status} ${JSON.stringify(refused.problem.errors)}`);
      }
    }
  }
  return findings;
}
