import { CODE_PATTERN } from './reference/codes';
import { PROVINCE_CODES } from './reference/provinces';

declare const valueType: unique symbol;

/**
 * A JSON Schema that also carries, for the compiler only, the TypeScript type of the values it
 * accepts: build one with `s`, and `SchemaValue<typeof schema>` is that type, so no payload is
 * written twice (once as an interface, once as a schema).
 */
export type Schema<T> = object & { readonly [valueType]: T };

export type SchemaValue<S> = S extends Schema<infer T> ? T : never;

type Properties = Record<string, Schema<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectValue<P extends Properties, Optional extends keyof P> = Simplify<
  { -readonly [K in keyof P as K extends Optional ? never : K]: SchemaValue<P[K]> } & {
    -readonly [K in keyof P as K extends Optional ? K : never]?: SchemaValue<P[K]>;
  }
>;

function schema<T>(json: object): Schema<T> {
  return json as Schema<T>;
}

/** Small builders for the JSON Schemas of event payloads, so each event reads as its fields. */
export const s = {
  string: (maxLength = 200) => schema<string>({ type: 'string', minLength: 1, maxLength }),
  pattern: (pattern: string) => schema<string>({ type: 'string', pattern }),
  email: () => schema<string>({ type: 'string', format: 'email', maxLength: 200 }),
  uuid: () => schema<string>({ type: 'string', format: 'uuid' }),
  date: () => schema<string>({ type: 'string', format: 'date' }),
  dateTime: () => schema<string>({ type: 'string', format: 'date-time' }),
  integer: (minimum = 0, maximum?: number) => schema<number>({ type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) }),
  number: (minimum: number, maximum: number) => schema<number>({ type: 'number', minimum, maximum }),
  boolean: () => schema<boolean>({ type: 'boolean' }),
  oneOf: <const T extends string>(values: readonly T[]) => schema<T>({ enum: [...values] }),
  code: () => schema<string>({ type: 'string', pattern: CODE_PATTERN.source }),
  /** A party of an agreement, e.g. KEMNAKER or KEMENUMKM. */
  partyCode: () => schema<string>({ type: 'string', pattern: '^[A-Z][A-Z0-9_-]{1,31}$' }),
  provinceCode: () => schema<string>({ enum: [...PROVINCE_CODES] }),
  /** Any value: the receiving service checks it. */
  unknown: () => schema<unknown>({}),
  array: <I extends Schema<unknown>>(items: I, minItems = 0, maxItems?: number) =>
    schema<Array<SchemaValue<I>>>({ type: 'array', items, minItems, ...(maxItems === undefined ? {} : { maxItems }) }),
  /** An array without repeats. */
  setOf: <I extends Schema<unknown>>(items: I, minItems = 0) =>
    schema<Array<SchemaValue<I>>>({ type: 'array', ...(minItems > 0 ? { minItems } : {}), uniqueItems: true, items }),
  object: <P extends Properties, Optional extends keyof P & string = never>(properties: P, optional: readonly Optional[] = []) =>
    schema<ObjectValue<P, Optional>>({
      type: 'object',
      additionalProperties: false,
      required: Object.keys(properties).filter((key) => !optional.includes(key as Optional)),
      properties,
    }),
  /** The same schema, explained for the people who build the messages (a JSON Schema `description`). */
  described: <S extends Schema<unknown>>(description: string, described: S): S => ({ ...described, description }) as S,
  /** What is wrong with an input: the field and the rule it breaks, never the value. */
  problem: () => s.object({ field: s.string(200), rule: s.string(500) }),
};

/** Where the schemas are published unless `SCHEMA_BASE_URL` says otherwise. */
export const DEFAULT_SCHEMA_BASE_URL = 'https://sinergi.kemnaker.go.id';

/** The file of an event type's JSON Schema in libs/contracts/schemas. */
export function schemaFileName(type: string): string {
  return `${type}.v1.json`;
}

/** The path of an event type's JSON Schema, under the schema base URL and as the gateway serves it. */
export function schemaPath(type: string): string {
  return `/schemas/${schemaFileName(type)}`;
}

/** An event type's schema URL: its `$id`, and the `dataschema` of its events (with the configured base). */
export function schemaId(type: string, baseUrl = DEFAULT_SCHEMA_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}${schemaPath(type)}`;
}
