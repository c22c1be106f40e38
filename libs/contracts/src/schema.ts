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
  /** Any object: the receiving service checks it record by record. */
  anyObject: () => schema<Record<string, unknown>>({ type: 'object' }),
  array: <I extends Schema<unknown>>(items: I, minItems = 0) => schema<Array<SchemaValue<I>>>({ type: 'array', items, minItems }),
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
  /** What is wrong with an input: the field and the rule it breaks, never the value. */
  problem: () => s.object({ field: s.string(200), rule: s.string(500) }),
};

export function schemaId(type: string): string {
  return `https://sinergi.kemnaker.go.id/schemas/${type}.v1.json`;
}
