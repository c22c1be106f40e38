type SchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  properties?: Record<string, unknown>;
  items?: unknown;
  additionalProperties?: unknown;
  uniqueItems?: boolean;
} & Record<string, unknown>;

const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];

function node(schema: unknown): SchemaNode {
  return schema !== null && typeof schema === 'object' ? (schema as SchemaNode) : {};
}

function typesOf(schema: SchemaNode): string[] | undefined {
  return schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function allowedValuesOf(schema: SchemaNode): unknown[] | undefined {
  return schema.enum ?? ('const' in schema ? [schema.const] : undefined);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How `next` would break a reader or a writer of `committed`, one line per break: a field removed, a field
 * newly required, a type, enum, pattern, format or bound narrowed, extra fields or repeats newly refused.
 * Adding an optional field, widening and changing descriptions are compatible. A breaking change needs a new
 * topic version (`.v2`), never an edit of a v1 schema.
 */
export function breakingChanges(committed: unknown, next: unknown, at = ''): string[] {
  const before = node(committed);
  const after = node(next);
  const where = at || '/';
  const breaks: string[] = [];

  const typesBefore = typesOf(before);
  const typesAfter = typesOf(after);
  const takes = (type: string) => typesAfter!.includes(type) || (type === 'integer' && typesAfter!.includes('number'));
  if (typesAfter && (!typesBefore || !typesBefore.every(takes))) {
    breaks.push(`${where}: type narrowed from ${typesBefore?.join('|') ?? 'any'} to ${typesAfter.join('|')}`);
  }

  const valuesBefore = allowedValuesOf(before);
  const valuesAfter = allowedValuesOf(after);
  if (valuesAfter) {
    const lost = valuesBefore ? valuesBefore.filter((value) => !valuesAfter.some((kept) => same(kept, value))) : ['any value'];
    if (lost.length > 0) breaks.push(`${where}: no longer allows ${lost.map((value) => JSON.stringify(value)).join(', ')}`);
  }

  for (const keyword of ['pattern', 'format']) {
    if (after[keyword] !== undefined && after[keyword] !== before[keyword]) {
      breaks.push(`${where}: ${keyword} ${before[keyword] === undefined ? 'added' : 'changed'}: ${String(after[keyword])}`);
    }
  }
  for (const keyword of LOWER_BOUNDS) {
    const [was, is] = [before[keyword] as number | undefined, after[keyword] as number | undefined];
    if (is !== undefined && (was === undefined || is > was)) breaks.push(`${where}: ${keyword} raised from ${was ?? 'none'} to ${is}`);
  }
  for (const keyword of UPPER_BOUNDS) {
    const [was, is] = [before[keyword] as number | undefined, after[keyword] as number | undefined];
    if (is !== undefined && (was === undefined || is < was)) breaks.push(`${where}: ${keyword} lowered from ${was ?? 'none'} to ${is}`);
  }
  if (after.uniqueItems === true && before.uniqueItems !== true) breaks.push(`${where}: repeated items newly refused`);
  if (after.additionalProperties === false && before.additionalProperties !== false) breaks.push(`${where}: other fields newly refused`);

  const requiredBefore = new Set(before.required ?? []);
  for (const field of after.required ?? []) {
    if (!requiredBefore.has(field)) breaks.push(`${at}/${field}: newly required`);
  }
  const propertiesAfter = after.properties ?? {};
  for (const [field, property] of Object.entries(before.properties ?? {})) {
    breaks.push(
      ...(field in propertiesAfter ? breakingChanges(property, propertiesAfter[field], `${at}/${field}`) : [`${at}/${field}: removed`]),
    );
  }
  if (before.items !== undefined || after.items !== undefined) breaks.push(...breakingChanges(before.items, after.items, `${at}/items`));
  return breaks;
}
