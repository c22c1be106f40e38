import { INestApplication } from '@nestjs/common';
import { HTTP_ROUTES, OperationId, SERVICE_OPERATIONS_ROUTES, ServiceWithApi } from '@sinergi/contracts';
import { routesOf } from './access';

/** The routes every service serves from libs/platform, outside the operations map. */
const PLATFORM_OPERATIONS: ReadonlySet<OperationId | undefined> = new Set(['health', 'schemas.list', 'schemas.get', 'asyncapi.document', 'asyncapi.page']);

/**
 * How a service's routes (method, path, operation id) differ from its entries in HTTP_ROUTES and SERVICE_OPERATIONS_ROUTES: an empty list when
 * it serves exactly the map's operations, so none is missing from the gateway's API or from the OpenAPI schemas.
 */
export function routesOutsideTheOperationsMap(app: INestApplication, service: ServiceWithApi): string[] {
  const served = routesOf(app)
    .filter((route) => !PLATFORM_OPERATIONS.has(route.operation))
    .map((route) => `${route.method} ${route.template} ${route.operation ?? '(no operation)'}`);
  const mapped = [
    ...Object.entries(HTTP_ROUTES)
      .filter(([, route]) => route.service === service)
      .map(([operation, route]) => `${route.method} ${route.path} ${operation}`),
    // Every service serves these from libs/platform, for the gateway's Operations page.
    ...Object.entries(SERVICE_OPERATIONS_ROUTES).map(([operation, [method, path]]) => `${method} ${path} ${operation}`),
  ];
  return [
    ...served.filter((route) => !mapped.includes(route)).map((route) => `served but not in the map: ${route}`),
    ...mapped.filter((route) => !served.includes(route)).map((route) => `in the map but not served: ${route}`),
  ];
}
