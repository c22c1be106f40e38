import { CODE_PATTERN } from './reference/codes';
import { PROVINCE_CODES } from './reference/provinces';

/** Small builders for the JSON Schemas of event payloads, so each event reads as its fields. */
export const s = {
  string: (maxLength = 200) => ({ type: 'string', minLength: 1, maxLength }) as const,
  uuid: () => ({ type: 'string', format: 'uuid' }) as const,
  date: () => ({ type: 'string', format: 'date' }) as const,
  dateTime: () => ({ type: 'string', format: 'date-time' }) as const,
  integer: (minimum = 0, maximum?: number) => ({ type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) }) as const,
  boolean: () => ({ type: 'boolean' }) as const,
  oneOf: <T extends string>(values: readonly T[]) => ({ enum: [...values] }) as const,
  code: () => ({ type: 'string', pattern: CODE_PATTERN.source }) as const,
  provinceCode: () => ({ enum: [...PROVINCE_CODES] }) as const,
  array: (items: object, minItems = 0) => ({ type: 'array', items, minItems }) as const,
  object: (properties: Record<string, object>, optional: readonly string[] = []) => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  }),
};

export function schemaId(type: string): string {
  return `https://sinergi.kemnaker.go.id/schemas/${type}.v1.json`;
}
