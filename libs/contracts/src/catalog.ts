import { agreementSignedEvent } from './events/agreement-signed';

/** What the messaging layer needs to know of an event type: where it goes and what it must look like. */
export interface EventDefinition {
  type: string;
  topic: string;
  description: string;
  schema: object;
}

export type EventCatalog = ReadonlyMap<string, EventDefinition>;

export function buildCatalog(definitions: readonly EventDefinition[]): EventCatalog {
  const catalog = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (catalog.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
    catalog.set(definition.type, definition);
  }
  return catalog;
}

/** Every event type the platform publishes. */
export const EVENT_CATALOG: EventCatalog = buildCatalog([agreementSignedEvent]);
