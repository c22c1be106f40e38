import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { GATEWAY_SUCCESS_STATUS, GatewayOperationId, HTTP_SCHEMAS, JsonSchema } from '@sinergi/contracts';
import { Operation } from '@sinergi/platform';

const COMPONENTS = '#/components/schemas/';
const SUCCESS_STATUS: Record<GatewayOperationId, 200 | 201 | 202 | 204> = GATEWAY_SUCCESS_STATUS;

type ObjectSchema = { properties?: Record<string, JsonSchema & { description?: string }>; required?: string[] };

/** A schema of the contracts, its `$ref` to a component followed. */
export function resolvedSchema(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  return typeof ref === 'string' ? HTTP_SCHEMAS.schemas[ref.slice(COMPONENTS.length)] : schema;
}

/** The query parameters of a route: the properties of its query type (a list's filters, limit and cursor). */
export function queryParametersOf(query: JsonSchema | undefined): MethodDecorator[] {
  if (!query) return [];
  const { properties = {}, required = [] } = resolvedSchema(query) as ObjectSchema;
  return Object.entries(properties).map(([name, { description, ...schema }]) => ApiQuery({ name, required: required.includes(name), schema, description }));
}

function pathParametersOf(params: JsonSchema | undefined): MethodDecorator[] {
  if (!params) return [];
  const { properties = {} } = resolvedSchema(params) as ObjectSchema;
  return Object.entries(properties).map(([name, { description, ...schema }]) => ApiParam({ name, required: true, schema, description }));
}

/**
 * A route the gateway answers itself, described by its operation in the contracts (GatewayOperations in
 * libs/contracts/src/http/operations/gateway.operations.ts): its access table id, and the OpenAPI operation with
 * the generated schemas of its path parameters, query, body and answer, under its success status.
 */
export function ApiContract(operationId: GatewayOperationId, description: string): MethodDecorator {
  const { params, query, body, answer } = HTTP_SCHEMAS.operations[operationId];
  const status = SUCCESS_STATUS[operationId];
  return applyDecorators(
    Operation(operationId),
    ApiOperation({ operationId, summary: description }),
    ...pathParametersOf(params),
    ...queryParametersOf(query),
    ...(body ? [ApiBody({ required: ((resolvedSchema(body).required as string[] | undefined) ?? []).length > 0, schema: body })] : []),
    ApiResponse(status === 204 ? { status, description: 'Done; no content' } : { status, description: 'Answered by the gateway', schema: answer }),
  );
}
