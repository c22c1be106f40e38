import type { ServiceName } from '../../topics';

export type HttpMethod = 'GET' | 'POST' | 'PUT';
export type ServiceWithApi = Exclude<ServiceName, 'gateway'>;

/** Where a service serves one operation: its method and path (Express style, `:name` for a path parameter). */
export interface HttpRoute {
  service: ServiceWithApi;
  method: HttpMethod;
  path: string;
}

/** The types of one operation: its body and query (absent: it takes none) and its answer on success. */
export interface OperationTypes {
  body?: unknown;
  query?: unknown;
  answer: unknown;
}

/** The path parameters of an Express-style path, e.g. `{ id: string }` for `/agreements/:id/end`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, string>;

/** The routes of one service's operations, each with its service, from `[method, path]` pairs. */
export function serviceRoutes<const Routes extends Record<string, readonly [HttpMethod, string]>, S extends ServiceWithApi>(
  service: S,
  routes: Routes,
): { [K in keyof Routes]: { service: S; method: Routes[K][0]; path: Routes[K][1] } } {
  return Object.fromEntries(Object.entries(routes).map(([operation, [method, path]]) => [operation, { service, method, path }])) as never;
}

/** `[method, path]` for every operation of a service's map, and for nothing else. */
export type ServiceRoutes<Operations> = { [K in keyof Operations]: readonly [HttpMethod, `/${string}`] };
