import HTTP_SCHEMAS_JSON from '../http-schemas.json';

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schemas of one operation: of its body and query (absent: it takes none) and of its answer; a gateway
 * operation also has its path parameters' (a service's come from its route's path).
 */
export interface OperationSchemas {
  params?: JsonSchema;
  body?: JsonSchema;
  query?: JsonSchema;
  answer: JsonSchema;
}

/**
 * The schemas of every operation (refs point into `schemas` as `#/components/schemas/Name`), generated from the
 * TypeScript types of the contracts by `npm run http-schemas`.
 */
export interface HttpSchemas {
  operations: Record<string, OperationSchemas>;
  schemas: Record<string, JsonSchema>;
}

export const HTTP_SCHEMAS: HttpSchemas = HTTP_SCHEMAS_JSON;
