import { Controller, Get, Inject, Post, Put, Req, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCESS_TABLE, HTTP_SCHEMAS } from '@sinergi/contracts';
import { GuardedRequest, Operation } from '@sinergi/platform';
import { SensitiveRateLimit } from '../rate-limits/sensitive-rate-limit';
import { queryParametersOf, resolvedSchema } from './api-contract';
import { ApiProblems } from './api-problems';
import { API_PREFIX, API_ROUTES, ApiRoute, ForwardedService } from './api-routes';
import { Forwarder } from './forwarder';

const METHOD_DECORATORS = { GET: Get, POST: Post, PUT: Put };

function handlerName(route: ApiRoute): string {
  return route.operation.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());
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
    ...(body ? [ApiBody({ required: ((resolvedSchema(body).required as string[] | undefined) ?? []).length > 0, schema: body })] : []),
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
    const handler = async function (this: ForwardingController, request: GuardedRequest, response: Response): Promise<void> {
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
