import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as TJS from 'typescript-json-schema';
import type { HttpSchemas, JsonSchema, OperationSchemas } from '@sinergi/contracts';

const CONTRACTS = resolve(__dirname, '../../libs/contracts/src/http');
export const HTTP_SCHEMAS_PATH = join(CONTRACTS, 'http-schemas.json');
const OPERATION_MAPS = [
  'ProgramOperations',
  'EnrollmentOperations',
  'VenueCapacityOperations',
  'InstructorModuleOperations',
  'NotificationOperations',
  'GatewayOperations',
  'ServiceOperationsOperations',
];
const REF = '#/definitions/';

/** What the generator makes of an operation map: a property per operation, with body, query and answer. */
interface OperationMapSchema {
  properties: Record<string, { properties: OperationSchemas }>;
  definitions?: Record<string, JsonSchema>;
}

/**
 * A contract type becomes a component when it has a name of its own; the generator's names for anonymous and
 * generic types (`__type`, `Page_3`, `Record`, `{code:string;…}`) and for repeats (`BatchStatus_1`) are inlined.
 */
const isComponentName = (name: string) =>
  /^[A-Z][A-Za-z0-9]*$/.test(name) && !['Page', 'Record', 'Array'].includes(name) && !OPERATION_MAPS.includes(name);

/** Each schema with `#/definitions/` refs to components rewritten to `#/components/schemas/`, the others inlined. */
function resolveRefs(schema: unknown, definitions: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolveRefs(item, definitions));
  if (!schema || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as { $ref?: string };
  if ($ref?.startsWith(REF)) {
    const name = decodeURIComponent($ref.slice(REF.length));
    if (isComponentName(name)) return { ...(resolveRefs(rest, definitions) as object), $ref: `#/components/schemas/${name}` };
    return resolveRefs({ ...definitions[name], ...rest }, definitions);
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, resolveRefs(value, definitions)]));
}

/** The JSON Schemas of every operation's body, query and answer, generated from the TypeScript types of the HTTP contracts. */
export function generateHttpSchemas(): HttpSchemas {
  const program = TJS.programFromConfig(resolve(__dirname, '../../tsconfig.base.json'), [join(CONTRACTS, 'operations/index.ts')]);
  const generator = TJS.buildGenerator(program, {
    required: true,
    ref: true,
    aliasRef: true,
    strictNullChecks: true,
    ignoreErrors: false,
  })!;
  const operations: Record<string, OperationSchemas> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const map of OPERATION_MAPS) {
    const { properties, definitions = {} } = generator.getSchemaForSymbol(map) as unknown as OperationMapSchema;
    for (const [operation, { properties: parts }] of Object.entries(properties))
      operations[operation] = resolveRefs(parts, definitions) as OperationSchemas;
    for (const [name, definition] of Object.entries(definitions))
      if (isComponentName(name)) schemas[name] = resolveRefs(definition, definitions) as JsonSchema;
  }
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { operations: sorted(operations), schemas: sorted(schemas) };
}

export function renderHttpSchemas(): string {
  return `${JSON.stringify(generateHttpSchemas(), null, 2)}\n`;
}

export function readHttpSchemas(): string {
  return readFileSync(HTTP_SCHEMAS_PATH, 'utf8');
}

export function writeHttpSchemas(): void {
  writeFileSync(HTTP_SCHEMAS_PATH, renderHttpSchemas());
}
