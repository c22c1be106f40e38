import { schemaId } from './schema';

/** What the messaging layer needs to know of an event type: where it goes and what it must look like. */
export interface EventDefinition {
  type: string;
  topic: string;
  description: string;
  schema: object;
}

export type EventCatalog = ReadonlyMap<string, EventDefinition>;

export function defineEvent(type: string, topic: string, description: string, data: object): EventDefinition {
  return { type, topic, description, schema: { $id: schemaId(type), ...data } };
}

export function buildCatalog(definitions: readonly EventDefinition[]): EventCatalog {
  const catalog = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (catalog.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
    catalog.set(definition.type, definition);
  }
  return catalog;
}


/**
 * The same catalogue with every topic name prefixed, e.g. `staging.` for a shared cluster,
 * or a unique prefix per test run so that runs never see each other's messages.
 */
export function withTopicPrefix(catalog: EventCatalog, prefix: string): EventCatalog {
  if (!prefix) return catalog;
  return new Map([...catalog].map(([type, definition]) => [type, { ...definition, topic: `${prefix}${definition.topic}` }]));
}
