import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Reflector } from '@nestjs/core';
import { ACCESS_TABLE, FieldError, Principal, Problem, PROBLEM_CONTENT_TYPE } from '@sinergi/contracts';
import { operationOf, UuidParam } from '@sinergi/platform';
import { ServiceUnderTest } from './service-under-test';
import { controllerHandlersOf } from './controller-handlers';
import { TEST_STAFF, testAuthorization } from './test-tokens';

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the controller declares it, e.g. `/agreements/:id/amendments`. */
  path: string;
  /** The class of its `@Body()`, when it has one. */
  body?: Type;
  /** Its path parameters that must be UUIDs (`@Param(name, UuidParam)`). */
  uuidParams: string[];
  /** Who may call it when staff may not: the gateway's own caller of an internal-only operation. */
  caller?: Principal;
}

const WRITE_METHODS = new Map<RequestMethod, WriteRoute['method']>([
  [RequestMethod.POST, 'POST'],
  [RequestMethod.PUT, 'PUT'],
  [RequestMethod.PATCH, 'PATCH'],
  [RequestMethod.DELETE, 'DELETE'],
]);

/** Every write route the running app serves, read from its controllers, so that a new route is swept too. */
export function writeRoutesOf(app: INestApplication): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const { controller, name, handler } of controllerHandlersOf(app)) {
    const method = WRITE_METHODS.get(Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod);
    if (!method) continue;
    const path = joinPaths(Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler));
    routes.push({ method, path, body: bodyTypeOf(controller, name), uuidParams: uuidParamsOf(controller, name), caller: internalCallerOf(handler) });
  }
  return routes;
}

function internalCallerOf(handler: (...args: never[]) => unknown): Principal | undefined {
  const operation = operationOf(new Reflector(), handler);
  const rule = operation ? ACCESS_TABLE[operation] : undefined;
  return typeof rule === 'object' && 'internal' in rule ? { subject: rule.internal, roles: [], venueCodes: [] } : undefined;
}

/** One kind of malformed input, as a request to a route, and the field errors its answer must contain. */
export interface MalformedInput {
  kind: string;
  /** Undefined when the route takes no input this kind applies to. */
  requestFor(route: WriteRoute): { path: string; body: string; expected: FieldError[] } | undefined;
}

const DEEP_LEVELS = 5_000;

export const MALFORMED_INPUTS: MalformedInput[] = [
  {
    kind: `a body nested ${DEEP_LEVELS} levels deep`,
    requestFor: (route) => ({ path: filled(route.path), body: `${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`, expected: [{ field: 'body', rule: 'max-depth' }] }),
  },
  {
    kind: 'a NUL character in a body string',
    requestFor: (route) =>
      route.body ? { path: filled(route.path), body: JSON.stringify({ note: 'a\u0000b' }), expected: [{ field: 'note', rule: 'no-control-characters' }] } : undefined,
  },
  {
    kind: 'a control character in a path parameter',
    requestFor: (route) => {
      const param = /:(\w+)/.exec(route.path)?.[1];
      return param ? { path: filled(route.path, { [param]: '%1B' }), body: '{}', expected: [{ field: param, rule: 'no-control-characters' }] } : undefined;
    },
  },
  {
    kind: 'a path id that is not a UUID',
    requestFor: (route) => {
      const param = route.uuidParams[0];
      return param ? { path: filled(route.path, { [param]: 'not-a-uuid' }), body: '{}', expected: [{ field: param, rule: 'isUuid' }] } : undefined;
    },
  },
  {
    kind: 'malformed JSON',
    requestFor: (route) => ({ path: filled(route.path), body: '{"title": "MoU",', expected: [{ field: 'body', rule: 'json' }] }),
  },
  {
    kind: 'a date-time where a date is expected',
    requestFor: (route) => withEveryField(route, 'isCivilDate', '2025-03-25T10:00:00Z'),
  },
  {
    kind: 'an integer past what its column holds',
    requestFor: (route) => withEveryField(route, 'isInt', 3_000_000_000, 'max'),
  },
];

export interface MalformedInputAnswer {
  route: string;
  kind: string;
  status: number;
  contentType: string | null;
  problem: Problem;
  expected: FieldError[];
}

/** Sends every kind of malformed input to every write route of the service at `url`. */
export async function sendMalformedInputs(url: string, routes: WriteRoute[]): Promise<MalformedInputAnswer[]> {
  const answers: MalformedInputAnswer[] = [];
  for (const route of routes) {
    for (const { kind, requestFor } of MALFORMED_INPUTS) {
      const request = requestFor(route);
      if (!request) continue;
      const response = await fetch(`${url}${request.path}`, {
        method: route.method,
        headers: { ...(await testAuthorization(url, route.caller ?? TEST_STAFF)), 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: request.body,
      });
      const problem = (await response.json()) as Problem;
      answers.push({ route: `${route.method} ${route.path}`, kind, status: response.status, contentType: response.headers.get('content-type'), problem, expected: request.expected });
    }
  }
  return answers;
}

/** Whether an answer is a 4xx problem naming the expected fields and rules; its shortcomings otherwise. */
export function shortcomingsOf(answer: MalformedInputAnswer): string[] {
  const shortcomings: string[] = [];
  if (answer.status < 400 || answer.status > 499) shortcomings.push(`status ${answer.status}`);
  if (!answer.contentType?.startsWith(PROBLEM_CONTENT_TYPE)) shortcomings.push(`content-type ${answer.contentType}`);
  for (const { field, rule } of answer.expected) {
    if (!answer.problem.errors?.some((error) => error.field === field && error.rule === rule)) shortcomings.push(`no error ${field}/${rule} in ${JSON.stringify(answer.problem.errors)}`);
  }
  return shortcomings;
}

function withEveryField(route: WriteRoute, constraint: string, value: unknown, rule = constraint): ReturnType<MalformedInput['requestFor']> {
  if (!route.body) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(route.body, '', true, false)
    .filter((entry) => entry.name === constraint);
  if (metadata.length === 0) return undefined;
  const body = Object.fromEntries(metadata.map((entry) => [entry.propertyName, entry.each ? [value] : value]));
  return { path: filled(route.path), body: JSON.stringify(body), expected: metadata.map((entry) => ({ field: entry.propertyName, rule })) };
}

/** The route's path with each parameter given (a fresh UUID unless said otherwise). */
function filled(path: string, values: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? randomUUID());
}

function joinPaths(...parts: unknown[]): string {
  return `/${parts
    .flatMap((part) => (Array.isArray(part) ? part[0] : part))
    .filter((part): part is string => typeof part === 'string' && part !== '/' && part !== '')
    .map((part) => part.replace(/^\/|\/$/g, ''))
    .join('/')}`;
}

type RouteArgs = Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;

function routeArgsOf(controller: Type, handler: string): RouteArgs {
  return (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as RouteArgs;
}

function uuidParamsOf(controller: Type, handler: string): string[] {
  return Object.entries(routeArgsOf(controller, handler))
    .filter(([key, arg]) => key.split(':')[0] === String(RouteParamtypes.PARAM) && arg.pipes?.includes(UuidParam))
    .map(([, arg]) => String(arg.data));
}

function bodyTypeOf(controller: Type, handler: string): Type | undefined {
  const args = routeArgsOf(controller, handler);
  const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
  const types = Reflect.getMetadata('design:paramtypes', controller.prototype, handler) as Type[] | undefined;
  const type = body && types?.[body[1].index];
  return type && type !== Object ? type : undefined;
}

/**
 * Sends each kind of malformed input to every write route of a running service and expects, for each, a 4xx
 * problem+json naming the field and the rule: never a 5xx. Fails listing every answer that falls short.
 */
export async function expectMalformedInputRefused(service: ServiceUnderTest): Promise<void> {
  const routes = writeRoutesOf(service.app);
  expect(routes.length).toBeGreaterThan(0);
  const answers = await sendMalformedInputs(service.url, routes);
  const failures = answers.flatMap((answer) => shortcomingsOf(answer).map((shortcoming) => `${answer.route}, ${answer.kind}: ${shortcoming}`));
  expect(failures).toEqual([]);
  for (const { kind } of MALFORMED_INPUTS.slice(0, 2)) expect(answers.filter((answer) => answer.kind === kind).length).toBeGreaterThan(0);
}
