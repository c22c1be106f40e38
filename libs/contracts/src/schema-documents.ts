import { EVENT_CATALOG } from './catalog';
import { envelopeSchema } from './envelope';
import { schemaFileName } from './schema';

/** The JSON Schema dialect of every published schema (the one the consumers' validator speaks). */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/**
 * Every published JSON Schema by file name: the CloudEvents envelope (`envelope.json`) and each event type's
 * `data` (`<Type>.v1.json`, the event's `dataschema`). libs/contracts/schemas holds them as `npm run asyncapi`
 * writes them, and the gateway serves them under /schemas/.
 */
export function schemaDocuments(): Map<string, object> {
  const documents = new Map<string, object>([['envelope.json', { $schema: JSON_SCHEMA_DIALECT, ...envelopeSchema }]]);
  for (const definition of EVENT_CATALOG.values()) {
    const { $id, ...schema } = definition.schema;
    documents.set(schemaFileName(definition.type), {
      $schema: JSON_SCHEMA_DIALECT,
      $id,
      title: definition.type,
      description: definition.description,
      ...(definition.checkedPerRecord ? { 'x-sinergi-checked-per-record': true } : {}),
      ...schema,
    });
  }
  return documents;
}

/** A schema document as its file holds it. */
export function serialiseSchema(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
