import { Controller, Get, Inject, Post, Put, Req, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ACCESS_TABLE, HTTP_SCHEMAS, JsonSchema } from '@sinergi/contracts';
import { Operation } from '@sinergi/platform';
import { SensitiveRateLimit } from '../rate-limits/sensitive-rate-limit';
import { ApiProblems } from './api-problems';
import { API_PREFIX, API_ROUTES, ApiRoute, ForwardedService } from './api-routes';
import { Forwarder } from './forwarder';

const METHOD_DECORATORS = { GET: Get, POST: Post, PUT: Put };
const COMPONENTS = '#/components/schemas/';

function handlerName(route: ApiRoute): string {
  return route.operation.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** A schema of the contracts, its `$ref` to a component followed. */
function resolved(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  return typeof ref === 'string' ? HTTP_SCHEMAS.schemas[ref.slice(COMPONENTS.length)] : schema;
}

/** The query parameters of a route: the properties of its query type (a list's filters, limit and cursor). */
function queryParametersOf(query: JsonSchema | undefined): MethodDecorator[] {
  if (!query) return [];
  const { properties = {}, required = [] } = resolved(query) as { properties?: Record<string, JsonSchema & { description?: string }>; required?: string[] };
  return Object.entries(properties).map(([name, { description, ...schema }]) => ApiQuery({ name, required: required.includes(name), schema, description }));
}

/** The OpenAPI description and the guards of one forwarded route, as decorators. */
function decoratorsOf(route: ApiRoute): MethodDecorator[] {
  const isPublic = ACCESS_TABLE[route.operation] === 'public';
  const { body, query, answer } = HTTP_SCHEMAS.operations[route.operation];
  const params = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ApiParam({ name, type: 'string' }));
  return [
    METHOD_DECORATORS[route.method](route.path.slice(1)),
    Operation(route.operation),
    ApiOperation({ operationId: route.operation, summary: route.summary, description: `Forwarded to ${route.service} (${route.method} ${route.path}).` }),
    ...params,
    ...(isPublic ? [] : [ApiBearerAuth()]),
    ...(body ? [ApiBody({ required: ((resolved(body).required as string[] | undefined) ?? []).length > 0, schema: body })] : []),
    ...queryParametersOf(query),
    ...(route.creates ? [ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body within 24 h gets the first answer again' })] : []),
    route.file
      ? ApiResponse({ status: 200, description: `The file (${route.file}), as an attachment`, content: { [route.file]: { schema: answer } } })
      : ApiResponse({
          status: route.creates ? 201 : 200,
          description: route.page ? 'A page of the list; `next` is the cursor of the following page' : `What ${route.service} answers`,
          schema: answer,
        }),
    ApiProblems({ authenticated: !isPublic, body: route.method !== 'GET' }),
    ...(route.sensitive ? [SensitiveRateLimit()] : []),
  ];
}

/** One controller per service: every route of API_ROUTES for it, forwarding to the service. */
function forwardingControllerOf(service: ForwardedService, routes: ApiRoute[]): Type {
  class ForwardingController {
    constructor(readonly forwarder: Forwarder) {}
  }
  Object.defineProperty(ForwardingController, 'name', { value: `${service.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}ApiController` });
  Inject(Forwarder)(ForwardingController, undefined as never, 0);
  for (const route of routes) {
    const name = handlerName(route);
    const handler = async function (this: ForwardingController, request: Request, response: Response): Promise<void> {
      await this.forwarder.forward(route, request, response);
    };
    Object.defineProperty(ForwardingController.prototype, name, { value: handler, writable: true, configurable: true });
    Reflect.defineMetadata('design:paramtypes', [Object, Object], ForwardingController.prototype, name);
    Req()(ForwardingController.prototype, name, 0);
    Res()(ForwardingController.prototype, name, 1);
    const descriptor = Object.getOwnPropertyDescriptor(ForwardingController.prototype, name)!;
    for (const decorate of decoratorsOf(route).reverse()) decorate(ForwardingController.prototype, name, descriptor);
    Object.defineProperty(ForwardingController.prototype, name, descriptor);
  }
  ApiTags(service)(ForwardingController);
  Controller(API_PREFIX)(ForwardingController);
  return ForwardingController;
}

const SERVICES: ForwardedService[] = ['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification'];

export const FORWARDING_CONTROLLERS: Type[] = SERVICES.map((service) =>
  forwardingControllerOf(
    service,
    API_ROUTES.filter((route) => route.service === service),
  ),
);
